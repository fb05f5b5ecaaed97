// What a consumer typed, matched by a bot client's text pattern, sent on to another service.
const BootBot = require('bootbot');
const fetch = require('node-fetch');

const GIPHY_URL = 'https://api.giphy.com/v1/gifs/random?tag=';
const bot = new BootBot({ accessToken: process.env.FB_TOKEN, verifyToken: process.env.FB_VERIFY, appSecret: process.env.FB_SECRET });

bot.hear(/gif (.*)/i, (payload, chat, data) => {
  const query = data.match[1];
  // ruleid: personal-data-to-third-party messageId=noManifest
  fetch(GIPHY_URL + query)
    .then((res) => res.json())
    .then((json) => chat.say({ attachment: 'image', url: json.data.image_url }));
});

bot.hear('weather', (payload, chat) => {
  // a fixed request: nothing the consumer wrote goes along
  // ok: personal-data-to-third-party
  fetch('https://api.open-meteo.com/v1/forecast?latitude=52.37&longitude=4.89')
    .then((res) => res.json())
    .then((json) => chat.say(`It is ${json.current_weather.temperature} degrees`));
});

bot.start();

// The bot reads its credentials from the environment; the files next to it are what this case is about.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });
bot.on('message', (message, conversation) => conversation.say('Bedankt, een adviseur neemt contact met u op.'));
bot.start();

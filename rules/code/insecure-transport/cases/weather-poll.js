// A weather lookup written the way provider docs show it: the API key in the query string, the URL in a plain `url`.
const request = require('request');

function poll(node, callback) {
  let url;
  if (node.wtype === 'forecast') {
    // ruleid: insecure-transport messageId=credentialOverHttp col=11
    url = 'http://api.openweathermap.org/data/2.5/forecast?lang=' + node.language + '&q=' + node.city + '&APPID=' + node.credentials.apikey;
  } else if (node.wtype === 'current') {
    // ruleid: insecure-transport messageId=credentialOverHttp col=11
    url = `http://api.openweathermap.org/data/2.5/weather?q=${node.city}&appid=${process.env.OWM_API_KEY}`;
  } else if (node.wtype === 'onecall') {
    // ok: insecure-transport
    url = 'https://api.openweathermap.org/data/3.0/onecall?lat=' + node.lat + '&APPID=' + node.credentials.apikey;
  } else {
    // no credential in the query: a public, keyless endpoint
    // ok: insecure-transport
    url = 'http://worldtimeapi.org/api/timezone/' + node.zone + '?format=' + node.format;
  }
  request.get(url, callback);
}

function radar(node) {
  // ok: insecure-transport
  return 'http://localhost:8080/radar?APPID=' + node.credentials.apikey;
}

// a key written into the URL itself, under a name that does not say so
// ruleid: insecure-transport messageId=credentialOverHttp col=15
const TILES = 'http://tiles.weather-maps.net/{z}/{x}/{y}.png?k=Zq8Lm2Xv9Pw4Rt6Ks1Yu3Bn5Cd7';

// campaign parameters look random to an entropy test, yet are words
// ok: insecure-transport
const OCCASIONS = 'http://www.autodealer-sync.nl/occasions?utm_campaign=summer-sale-2024-nl&model=Volkswagen_Golf_8_GTI';

module.exports = { poll, radar, TILES, OCCASIONS };

// A messenger bridge that calls graph-style APIs the way their docs show: tokens in the query string.
const rp = require('minimal-request-promise');
const request = require('request');

function reply(recipient, message, fbAccessToken) {
  // ruleid: credential-in-url messageId=source col=18
  return rp.post(`https://graph.facebook.com/v2.6/me/messages?access_token=${fbAccessToken}`, { body: JSON.stringify({ recipient, message }) });
}

function subscribe(pageAccessToken) {
  // ruleid: credential-in-url messageId=source col=18
  return rp.post('https://graph.facebook.com/v2.6/me/subscribed_apps?access_token=' + pageAccessToken);
}

function studio(sdk, options) {
  // ruleid: credential-in-url messageId=source col=17
  options.uri = options.uri + '?access_token=' + sdk.config.studio_token;
  return request(options);
}

// the Messenger send API as its samples call it, with request's `qs`
const PAGE_ACCESS_TOKEN = process.env.PAGE_ACCESS_TOKEN;
function callSendAPI(messageData) {
  return request({
    uri: 'https://graph.facebook.com/v2.6/me/messages',
    // ruleid: credential-in-url messageId=source col=11
    qs: { access_token: PAGE_ACCESS_TOKEN },
    method: 'POST',
    json: messageData,
  });
}

function profile(psid) {
  // ok: credential-in-url
  return request({ uri: `https://graph.facebook.com/${psid}`, qs: { fields: 'first_name,last_name' }, auth: { bearer: PAGE_ACCESS_TOKEN } });
}

function crm(user, password) {
  // ruleid: credential-in-url messageId=userinfoSource col=22
  return request.get(`https://${user}:${password}@crm.autodealer-sync.nl/api/leads`);
}

// a key under a parameter name that does not say so
// ruleid: credential-in-url messageId=literal col=20
const STOCK_FEED = 'https://feeds.autodealer-sync.nl/stock.xml?k=Zq8Lm2Xv9Pw4Rt6Ks1Yu3Bn5Cd7';

// ok: credential-in-url
const WEATHER = (node) => 'https://api.openweathermap.org/data/3.0/onecall?lat=' + node.lat + '&APPID=' + node.credentials.apikey;
// ok: credential-in-url
const BUILD = 'https://cdn.autodealer-sync.nl/widget.js?commit=9f3b2c1d8e7a6f5b4c3d2e1f0a9b8c7d6e5f4a3b';
// ok: credential-in-url
const LEAD = 'https://crm.autodealer-sync.nl/leads?id=3f2b8c1e-9d4a-4e6f-8b7c-1a2d3e4f5a6b';
// ok: credential-in-url
const CAMPAIGN = 'https://www.autodealer-sync.nl/occasions?utm_campaign=summer-sale-2024-nl&model=Volkswagen_Golf_8_GTI';
// ok: credential-in-url
const RELEASE = 'https://cdn.autodealer-sync.nl/app.js?v=Zq8Lm2Xv9Pw4Rt6Ks1Yu3Bn5';

function nextPage(nextPageToken) {
  // ok: credential-in-url
  return rp.get(`https://crm.autodealer-sync.nl/leads?pageToken=${nextPageToken}`);
}

function db(user, password) {
  // a database driver reads the password from its connection string
  // ok: credential-in-url
  return `postgres://${user}:${password}@db.autodealer-sync.nl:5432/leads`;
}

module.exports = { reply, subscribe, studio, callSendAPI, profile, crm, STOCK_FEED, WEATHER, BUILD, LEAD, CAMPAIGN, RELEASE, nextPage, db };

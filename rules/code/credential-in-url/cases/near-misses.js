// Web1on1 link templates, ids, cursors and credentials that travel in headers: no credential in a URL.
const ChipChat = require('chipchat');
const axios = require('axios');

const bot = new ChipChat({ token: process.env.TOKEN });
const host = process.env.WIDGET_URL;

function inviteMessage() {
  return {
    role: 'agent',
    touchpoint: 'sms',
    actions: [{
      type: 'link',
      text: 'Plan uw afspraak',
      // Web1on1 fills in {authuser} and {authtoken} per recipient
      // ok: credential-in-url
      uri: `${host}${host.includes('?') ? '&' : '?'}`
        + `id={authuser}&token={authtoken}&ts=${new Date().getTime()}`,
    }],
  };
}

// The Maps JavaScript API takes its browser key in the URL by design.
// ok: credential-in-url
const MAPS_SCRIPT = `https://maps.googleapis.com/maps/api/js?key=${process.env.GOOGLE_MAPS_KEY}&callback=initMap`;

function nextPage(cursor) {
  // ok: credential-in-url
  return axios.get(`https://dms.autodealer-sync.nl/api/stock?page_token=${cursor}&limit=50`);
}

function confirmLink(resetToken) {
  // a one-time token made for this consumer, not the app's credential
  // ok: credential-in-url
  return `https://portal.autodealer-sync.nl/bevestig?token=${resetToken}`;
}

// ok: credential-in-url
const MONGO = `mongodb://${process.env.DB_USER}:${process.env.DB_PASS}@db.autodealer-sync.nl:27017/stock`;
// ok: credential-in-url
const LOCAL = 'http://user:password@localhost:5984/leads';
// ok: credential-in-url
const FORM = 'grant_type=client_credentials&client_secret=' + process.env.CLIENT_SECRET;
// ok: credential-in-url
const AGENT_LINK = `https://app.web1on1.chat/conversations/${bot.auth.user}?tab=contact`;
// ok: credential-in-url
const LIST = 'https://api.web1on1.chat/v2/contacts?sort=-createdAt&limit=5&key=profile.email';
// ok: credential-in-url
const api = axios.create({ baseURL: 'https://api.web1on1.chat/v2', headers: { Authorization: `Bearer ${process.env.TOKEN}` } });

module.exports = { inviteMessage, MAPS_SCRIPT, nextPage, confirmLink, MONGO, LOCAL, FORM, AGENT_LINK, LIST, api };

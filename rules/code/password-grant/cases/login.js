// A reporting tool that logs in as a dealer's admin user instead of using its bot's token.
const ChipChat = require('chipchat');
const axios = require('axios');
const got = require('got');

const API = 'https://api.web1on1.chat/v2';

async function adminToken() {
  // ruleid: password-grant messageId=passwordGrant col=26
  const { data } = await axios.post('https://api.web1on1.chat/v2/auth/token', {
    email: process.env.W1_ADMIN_EMAIL,
    password: process.env.W1_ADMIN_PASSWORD,
  });
  return data.token;
}

async function loginWithFetch(email, password) {
  // ruleid: password-grant messageId=passwordGrant col=21
  const res = await fetch(`${API}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.json();
}

async function loginWithGot(username, password) {
  // ruleid: password-grant messageId=passwordGrant col=10
  return got.post('v2/auth/token', {
    prefixUrl: process.env.APIHOST,
    json: { grant_type: 'password', username, password },
  }).json();
}

async function loginThroughSdk() {
  const bot = new ChipChat({ email: process.env.W1_ADMIN_EMAIL });
  // ruleid: password-grant messageId=passwordGrant col=24
  const tokens = await bot._request('POST', 'auth/token', { email: process.env.W1_ADMIN_EMAIL, password: process.env.W1_ADMIN_PASSWORD });
  return new ChipChat({ token: tokens.token, refreshToken: tokens.refreshToken });
}

module.exports = { adminToken, loginWithFetch, loginWithGot, loginThroughSdk };

// Token refresh, other services' logins and the bot user's own token: no password grant against Web1on1.
const ChipChat = require('chipchat');
const axios = require('axios');

// ok: password-grant
const bot = new ChipChat({ token: process.env.TOKEN, refreshToken: process.env.REFRESH_TOKEN, email: process.env.BOT_EMAIL });

async function refresh() {
  // the SDK's own refresh flow: clientId + refreshToken, no password
  // ok: password-grant
  const { data } = await axios.post('https://api.web1on1.chat/v2/auth/token', { clientId: process.env.BOT_EMAIL, refreshToken: bot.auth.refreshToken });
  return data;
}

async function dmsLogin() {
  // the dealer's DMS has its own login; not a Web1on1 credential
  // ok: password-grant
  return axios.post('https://auth.dms-vendor.eu/auth/token', { username: process.env.DMS_USER, password: process.env.DMS_PASSWORD });
}

async function me() {
  // ok: password-grant
  return axios.get('https://api.web1on1.chat/v2/auth/token', { headers: { Authorization: `Bearer ${process.env.TOKEN}` } });
}

// chipchat has no password login: it ignores a `password` option (see lib/chipchat.js)
// ok: password-grant
const legacy = new ChipChat({ email: process.env.W1_EMAIL, password: process.env.W1_PASSWORD });

module.exports = { refresh, dmsLogin, me, legacy };

// Reads a dealer's Facebook Page inbox by logging in to facebook.com as the owner.
const request = require('request-promise');
const axios = require('axios');

const options = {
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
};

async function login(email, pass, form) {
  const jar = request.jar();
  // ok: platform-terms
  const page = await request.get('https://www.facebook.com/', { jar, headers: { 'User-Agent': options.userAgent } });
  form.email = email;
  form.pass = pass;
  form.lsd = page.match(/name="lsd" value="([^"]+)"/)[1];
  // ruleid: platform-terms messageId=websiteLogin col=23
  return request.post('https://www.facebook.com/login.php?login_attempt=1', { jar, form, headers: { 'User-Agent': options.userAgent } });
}

async function pageMessages(pageId) {
  // the Graph API with a page token is the official way
  // ok: platform-terms
  return axios.get(`https://graph.facebook.com/v19.0/${pageId}/conversations`, { params: { access_token: process.env.PAGE_TOKEN } });
}

function loginHelp(conversation) {
  // a link for a person to open: no request
  // ok: platform-terms
  return conversation.say('Log in op https://www.facebook.com/login om uw pagina te koppelen.');
}

module.exports = { login, pageMessages, loginHelp };

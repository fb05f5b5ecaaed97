// Credentials that reach logs through error messages: a request URL in a fetch error, a key in a thrown error.
const fetch = require('node-fetch');

class GraphClient {
  constructor(accessToken) {
    this.accessToken = accessToken;
  }

  profile(userId) {
    const url = `https://graph.facebook.com/v2.6/${userId}?fields=first_name&access_token=${this.accessToken}`;
    return fetch(url)
      .then((res) => res.json())
      // node-fetch's message is "request to <url> failed": the token with it
      // ruleid: credential-logged messageId=requestError
      .catch((err) => console.log(`Error getting user profile: ${err}`));
  }

  send(body) {
    return fetch(`https://graph.facebook.com/v2.6/me/messages?access_token=${this.accessToken}`, { method: 'POST', body: JSON.stringify(body) })
      .then((res) => res.json())
      // ruleid: credential-logged messageId=requestError
      .then((res) => res, (err) => console.error('send failed', err.message));
  }

  sendWithHeader(body) {
    return fetch('https://graph.facebook.com/v2.6/me/messages', { method: 'POST', headers: { Authorization: `Bearer ${this.accessToken}` }, body: JSON.stringify(body) })
      .then((res) => res.json())
      // the URL carries no credential
      // ok: credential-logged
      .catch((err) => console.log(`Error sending message: ${err}`));
  }

  fields(userId) {
    return fetch(`https://graph.facebook.com/v2.6/${userId}?fields=first_name&access_token=${this.accessToken}`)
      .then((res) => res.json())
      // only the error's code is logged
      // ok: credential-logged
      .catch((err) => console.log('profile failed', err.code));
  }
}

function Client(api_key, dc = null) {
  if (!/.+-.+/.test(api_key) && dc === null) {
    // ruleid: credential-logged messageId=thrown
    throw new Error('missing or invalid api key: ' + api_key);
  }
  if (!dc) {
    // names the credential without printing it
    // ok: credential-logged
    throw new Error('missing data center for the api key');
  }
  this.api_key = api_key;
}

function check(token, tokenName, callback) {
  // ok: credential-logged
  if (!token) return callback(new Error(`no value for ${tokenName}`));
  // ruleid: credential-logged messageId=thrown
  return callback(new Error(`token rejected: ${token}`));
}

module.exports = { GraphClient, Client, check };

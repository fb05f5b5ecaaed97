// API wrappers that keep the query string in an object and put the credential in it once.
const request = require('request');

class GraphClient {
  constructor(token) {
    this.token = token;
  }

  // the helper every request's `qs` comes from
  _getQs(qs = {}) {
    // ruleid: credential-in-url messageId=source col=5
    qs['access_token'] = this.token;
    // ok: credential-in-url
    qs['fields'] = 'first_name,last_name';
    return qs;
  }

  profile(id) {
    return request({ uri: `https://graph.facebook.com/${id}`, qs: this._getQs() });
  }
}

class CrmClient {
  constructor(options = {}) {
    this.qs = {};
    this.auth = undefined;
    if (options.apiKey) {
      // a provider key under its own parameter name
      // ruleid: credential-in-url messageId=source col=7
      this.qs.hapikey = options.apiKey;
    } else if (options.accessToken) {
      // in a header, not the query string
      // ok: credential-in-url
      this.auth = { bearer: options.accessToken };
    }
    // ok: credential-in-url
    this.qs.limit = options.limit;
    // not a query string: a form body
    this.form = {};
    // ok: credential-in-url
    this.form.access_token = options.accessToken;
  }
}

// a Maps-style bare `key`, which such providers take only there
const params = {};
// ok: credential-in-url
params.key = process.env.MAPS_API_KEY;

module.exports = { GraphClient, CrmClient, params };

class ProfileClient {
  constructor(token) {
    this.token = token;
  }

  // the query object comes from a helper of the class
  _getQs() {
    // ruleid: credential-in-url messageId=source col=14
    return { access_token: this.token, fields: 'first_name' };
  }

  _getFields() {
    // ok: credential-in-url
    return { fields: 'first_name,last_name' };
  }

  me() {
    return request({ uri: 'https://graph.facebook.com/me', qs: this._getQs() });
  }

  friends() {
    return request({ uri: 'https://graph.facebook.com/me/friends', qs: this._getFields() });
  }
}

module.exports.ProfileClient = ProfileClient;

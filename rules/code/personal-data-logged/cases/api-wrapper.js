// An API client's own request function: what its callers pass and what comes back are people's records when
// the file calls it with paths of people's resources ('users', 'contacts').
const request = require('request');
const debug = require('debug')('crm-client');

function Crm(apiKey) {
  this.apiKey = apiKey;
  this.endpoint = 'https://api.crm.example/';
}

Crm.prototype.request = function (method, path, parameters, cb) {
  // ruleid: personal-data-logged messageId=debugLogged
  debug('Requesting [%s] %s with data %o', method, this.endpoint + path, parameters);
  request({ method, url: this.endpoint + path, json: parameters, auth: { bearer: this.apiKey } }, function (err, res, body) {
    if (err) {
      // ok: personal-data-logged
      debug('request failed: %s', err.message);
      return cb(err);
    }
    // ok: personal-data-logged
    debug('status %d', res.statusCode);
    // ruleid: personal-data-logged messageId=debugLogged
    debug('Received response %j', body);
    cb(null, body);
  });
};

Crm.prototype.listUsers = function (cb) {
  return this.request('GET', 'users', {}, cb);
};

Crm.prototype.createContact = function (contact, cb) {
  return this.request('POST', 'contacts', contact, cb);
};

// a client that only looks people up by id: its requests carry ids, its answers carry the people
function Directory() {}

Directory.prototype.lookup = function (path, query, cb) {
  // ok: personal-data-logged
  debug('lookup %s %o', path, query);
  request({ url: 'https://directory.example/' + path, qs: query, json: true }, (err, res, body) => {
    // ruleid: personal-data-logged messageId=debugLogged
    debug('lookup answer %o', body);
    cb(err, body);
  });
};

Directory.prototype.getUserDetails = function (userId, cb) {
  return this.lookup('get_user_details', { id: userId }, cb);
};

Directory.prototype.sendMessage = function (receiver, text, cb) {
  return this.lookup('send_message', { receiver, text }, cb);
};

// the same shape of client for a resource that is not about people
function Weather(key) {
  this.key = key;
}

Weather.prototype.call = function (method, path, query, cb) {
  // ok: personal-data-logged
  debug('calling %s with %o', path, query);
  request({ method, url: 'https://api.weather.example/' + path, qs: query }, function (err, res, body) {
    // ok: personal-data-logged
    debug('weather answer %j', body);
    cb(err, body);
  });
};

Weather.prototype.forecast = function (days, cb) {
  return this.call('GET', 'forecast', { days }, cb);
};

module.exports = { Crm, Directory, Weather };

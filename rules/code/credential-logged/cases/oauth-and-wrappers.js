// An integration that logs through its own helpers and holds credentials in objects: OAuth tokens, copied config.
const { google } = require('googleapis');

const oauth2Client = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET);
const settings = { dmsUrl: 'https://dms.autodealer-sync.nl', dmsSecret: process.env.DMS_SECRET, port: 3000 };

function logError(message) {
  process.stderr.write(`${message}\n`);
}

async function oauthCallback(code) {
  const { tokens } = await oauth2Client.getToken(code);
  // ruleid: credential-logged messageId=logged col=3
  console.log('google tokens', tokens);
  // ok: credential-logged
  console.log('google scopes', tokens.scope, Object.keys(tokens).length);
  oauth2Client.setCredentials(tokens);
}

function verifyWebhook(request) {
  if (request.query['hub.verify_token'] === request.env.facebookVerifyToken) return request.query['hub.challenge'];
  // ruleid: credential-logged messageId=logged col=3
  logError(`Expected verify token '${request.env.facebookVerifyToken}'`);
  // ok: credential-logged
  logError('Facebook sent a verify token that does not match');
  return 'Error';
}

function start() {
  const effective = { ...settings, startedAt: new Date().toISOString() };
  // ruleid: credential-logged messageId=logged col=3
  console.info('starting with', effective);
  // ok: credential-logged
  console.info('starting with', { dmsUrl: settings.dmsUrl, port: settings.port });
}

// a connection string from the platform carries the password in its user-info
const redisUrl = process.env.REDIS_URL || 'redis://localhost:6379';
function connect(robot) {
  // ruleid: credential-logged messageId=logged col=3
  robot.logger.info(`Connecting to Redis at ${redisUrl}`);
  // ok: credential-logged
  robot.logger.info(`Connecting to Redis at ${new URL(redisUrl).host}`);
  // ok: credential-logged
  robot.logger.info('Dashboard at', process.env.DASHBOARD_URL);
}

function callDms(dmsToken, path) {
  const headers = { Authorization: `Bearer ${dmsToken}`, Accept: 'application/json' };
  // ruleid: credential-logged messageId=logged col=3
  console.debug('GET', path, headers);
  const safeHeaders = { Accept: 'application/json', 'X-Request-Id': path };
  // ok: credential-logged
  console.debug('GET', path, safeHeaders);
}

// a parameter is its own value, not the constant of the same name elsewhere in the file
function refreshBody(auth) {
  const payload = { refreshToken: auth.refreshToken };
  return payload;
}
function send(conversation, payload) {
  // ok: credential-logged
  console.debug('send', conversation, payload);
}

function page(nextPageToken) {
  // ok: credential-logged
  console.log('fetching page', nextPageToken);
}

// the words of a message are tokens too
function intent(text, tokens) {
  const words = text.toLowerCase().split(/\s+/);
  // ok: credential-logged
  console.debug('intent tokens', tokens, words);
  const tokenList = text.split(' ');
  // ok: credential-logged
  console.debug('tokenised', tokenList);
}

module.exports = { oauthCallback, verifyWebhook, start, connect, callDms, refreshBody, send, page, intent };

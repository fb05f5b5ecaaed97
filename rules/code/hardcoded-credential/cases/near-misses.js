// Credentials read from the environment, labels and placeholders: nothing here is a secret.
const ChipChat = require('chipchat');
const jwt = require('jsonwebtoken');
const crypto = require('crypto');

// ok: hardcoded-credential
const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

const labels = {
  // ok: hardcoded-credential
  password: 'Wachtwoord',
  // ok: hardcoded-credential
  token: 'Toegangscode',
  // ok: hardcoded-credential
  secret: 'my webhook secret',
};

const examples = {
  // ok: hardcoded-credential
  apiKey: 'changeme',
  // ok: hardcoded-credential
  token: '<token>',
  // ok: hardcoded-credential
  refreshToken: '',
  // ok: hardcoded-credential
  clientSecret: 'xxx',
  // ok: hardcoded-credential
  apikey: 'API_KEY',
  // ok: hardcoded-credential
  password: 'password',
  // ok: hardcoded-credential
  stripeKey: 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
  // ok: hardcoded-credential
  awsKey: 'AKIAIOSFODNN7EXAMPLE',
  // ok: hardcoded-credential
  webhookSecret: '${WEBHOOK_SECRET}',
};

// jwt.io's sample token in a comment-like docs string
// ok: hardcoded-credential
const SAMPLE = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
// the README's truncated example
// ok: hardcoded-credential
const README_TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6I...';

function csrf(req) {
  // ok: hardcoded-credential
  const csrfToken = req.cookies['csrf-token'];
  return csrfToken;
}

const settings = {
  // ok: hardcoded-credential
  tokenType: 'Bearer',
  // ok: hardcoded-credential
  tokenUrl: 'https://api.web1on1.chat/v2/auth/token',
  // ok: hardcoded-credential
  passwordField: 'wachtwoord_klant',
  // ok: hardcoded-credential
  cacheKey: '9b74c9897bac770ffc029102a200c5de',
  // ok: hardcoded-credential
  nextPageToken: 'CAUQAAxyZ09kAAq1',
  // ok: hardcoded-credential
  secretName: 'projects/dealer-bot/secrets/api-token',
  // ok: hardcoded-credential
  publicKey: 'pk_live_51HxYzAbCdEf0123456789',
};

function sign(payload) {
  // ok: hardcoded-credential
  return jwt.sign(payload, process.env.JWT_SECRET);
}

function verifyWebhook(raw, header) {
  // ok: hardcoded-credential
  const expected = crypto.createHmac('sha1', process.env.SECRET).update(raw).digest('hex');
  return crypto.timingSafeEqual(Buffer.from(`sha1=${expected}`), Buffer.from(header));
}

// a public key passed to jwt.verify is not a secret
// ok: hardcoded-credential
const DMS_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfixtureFixtureFixtureFixtureFixture
-----END PUBLIC KEY-----`;
function verifyDmsCallback(token) {
  return jwt.verify(token, DMS_PUBLIC_KEY, { algorithms: ['ES256'] });
}

// ok: hardcoded-credential
const headers = { Authorization: `Bearer ${process.env.TOKEN}` };
// ok: hardcoded-credential
const anon = { Authorization: 'Bearer <token>' };

// Credentials in a URL's query or user-info are credential-in-url's findings, not this rule's.
// ok: hardcoded-credential
const staticMap = (city) => `${process.env.MAPS_BASE}?center=${city}&key=AIzaRQJr71PNbv6ZE_6qagNQ946JBLpD4JG5Y9G`;
// ok: hardcoded-credential
const STOCK_URL = 'https://dms.autodealer-sync.nl/api/stock?apikey=f3a9c2e17b8d4a6c9e0f1b2d3c4a5e6f';
// ok: hardcoded-credential
const DB_URL = 'postgres://stock:Welkom2024!@db.autodealer-sync.nl:5432/stock';

module.exports = { verifyDmsCallback, staticMap, STOCK_URL, DB_URL, bot, labels, examples, SAMPLE, README_TOKEN, csrf, settings, sign, verifyWebhook, headers, anon };

const crypto = require('crypto');
const express = require('express');
const ChipChat = require('chipchat');
const { verifyWebhook } = require('./security');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });

// body-parser calls verify with the raw bytes and answers 403 when it throws
function verifySignature(req, res, buf) {
  const given = Buffer.from(req.get('x-hub-signature') || '');
  const expected = Buffer.from(`sha1=${crypto.createHmac('sha1', process.env.WEBHOOK_SECRET).update(buf).digest('hex')}`);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new Error('bad signature');
}

const app = express();
app.use(express.json({ verify: verifySignature }));
// ok: webhook-unverified
app.use('/webhook', bot.router());

const partnerApp = express();
partnerApp.post('/hooks/web1on1', verifyWebhook(process.env.WEBHOOK_SECRET));
// ok: webhook-unverified
bot.router('/hooks/web1on1', partnerApp);

const lateApp = express();
// ruleid: webhook-unverified messageId=sdkServer col=1
lateApp.post('/late', verifyWebhookSignature(bot.secret));
bot.router('/late', lateApp);
lateApp.use(verifyWebhook(process.env.WEBHOOK_SECRET));

const http = require('http');
// ok: webhook-unverified
http.createServer(bot.httpMiddleware()).listen(3200);

app.listen(3000);
partnerApp.listen(3100);
lateApp.listen(3300);

const hookApp = express();
hookApp.use(verifyWebhook(process.env.WEBHOOK_SECRET));
hookApp.post('/incoming', handleIncoming);

function handleIncoming(req, res) {
  // ok: webhook-unverified
  bot.ingest(req.body);
  res.sendStatus(200);
}
hookApp.listen(3400);

const partner = express.Router();
// ok: webhook-unverified
const partnerRoutes = bot.router('/events');
partner.use(verifyWebhook(process.env.WEBHOOK_SECRET), partnerRoutes);
hookApp.use('/partner', partner);

// Web1on1 signs every webhook body with the app's secret (x-hub-signature: sha1=<HMAC-SHA1 of the raw body>).
// chipchat's own check only emits 'error' on a mismatch and handles the payload anyway, so this middleware
// checks first, answers 401 on a bad or missing signature, and hands the parsed JSON on (later body
// parsers, chipchat's included, then skip the request).
function verifyWebhookSignature(secret) {
  const crypto = require('crypto');
  const readRawBody = require('express').raw({ type: () => true });
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    return readRawBody(req, res, (err) => {
      if (err) return next(err);
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const given = Buffer.from(String(req.get('x-hub-signature') || ''));
      const expected = Buffer.from(`sha1=${crypto.createHmac('sha1', String(secret)).update(raw).digest('hex')}`);
      if (!secret || given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return res.status(401).end();
      try {
        req.body = JSON.parse(raw.toString('utf8'));
      } catch (e) {
        return res.status(400).end();
      }
      return next();
    });
  };
}

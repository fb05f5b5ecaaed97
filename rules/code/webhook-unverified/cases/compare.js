const crypto = require('crypto');
const express = require('express');
const ChipChat = require('chipchat');

const SECRET = process.env.WEBHOOK_SECRET;
const SIGNATURE_HEADER = 'x-hub-signature';
const bot = new ChipChat({ token: process.env.TOKEN, secret: SECRET });
const app = express();

app.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
  const signature = req.get(SIGNATURE_HEADER);
  // ok: webhook-unverified
  if (!signature || typeof signature !== 'string') return res.sendStatus(401);
  const expected = 'sha1=' + crypto.createHmac('sha1', SECRET).update(req.body).digest('hex');
  // ruleid: webhook-unverified messageId=compare col=7
  if (signature !== expected) return res.sendStatus(401);
  bot.ingest(JSON.parse(req.body.toString('utf8')));
  return res.sendStatus(200);
});

function sameSignature(a, b) {
  // ok: webhook-unverified
  if (a.length !== b.length) return false;
  return crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

app.post('/webhook/legacy', express.raw({ type: 'application/json' }), (req, res) => {
  const calculated = crypto.createHmac('sha1', SECRET).update(req.body).digest('hex');
  // ruleid: webhook-unverified messageId=compare col=17
  const valid = req.headers['x-hub-signature'] === `sha1=${calculated}`;
  // ok: webhook-unverified
  if (req.headers['x-hub-signature'] === undefined) return res.sendStatus(400);
  if (!valid) return res.sendStatus(401);
  bot.ingest(JSON.parse(req.body.toString('utf8')));
  return res.sendStatus(200);
});

function isDuplicate(message, previous) {
  // ok: webhook-unverified
  return message.digest === previous.digest;
}

module.exports = { sameSignature, isDuplicate };
app.listen(3000);

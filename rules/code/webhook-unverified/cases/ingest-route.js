const crypto = require('crypto');
const express = require('express');
const ChipChat = require('chipchat');

const SECRET = process.env.WEBHOOK_SECRET;
const bot = new ChipChat({ token: process.env.TOKEN, secret: SECRET });
const app = express();

app.post('/webhook', express.json(), (req, res) => {
  // ruleid: webhook-unverified messageId=ingest col=3
  bot.ingest(req.body, req.get('x-hub-signature'));
  res.sendStatus(200);
});

function isValidSignature(raw, header) {
  const expected = Buffer.from(`sha1=${crypto.createHmac('sha1', SECRET).update(raw).digest('hex')}`);
  const given = Buffer.from(header || '');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

app.post('/webhook/v2', express.raw({ type: 'application/json' }), (req, res) => {
  if (!isValidSignature(req.body, req.get('x-hub-signature'))) return res.sendStatus(401);
  // ok: webhook-unverified
  bot.ingest(JSON.parse(req.body.toString('utf8')));
  return res.sendStatus(200);
});

app.listen(process.env.PORT || 3000);

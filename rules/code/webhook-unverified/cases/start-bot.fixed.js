'use strict';

const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', (message, conversation) => {
  conversation.say({ text: 'Thanks! A sales advisor will reply within the hour.', role: 'agent' });
});

bot.on('notify', (msg, ctx) => ctx.accept());

// ruleid: webhook-unverified messageId=sdkServer col=1
const webhookApp = require('express')();
webhookApp.post(bot.webhook, verifyWebhookSignature(bot.secret));
bot.router({ pathPrefix: bot.webhook, app: webhookApp, async: true });
webhookApp.listen(process.env.PORT || 3000, () => bot.emit('ready', {}));

// a chain of handlers ending in start(): the finding is on start(), not on the chain's first line
bot
  .on('message.create.contact.command', (message, conversation) => conversation.say({ text: 'Command received.', role: 'agent' }))
  // ruleid: webhook-unverified messageId=sdkServer col=4
  .start();

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

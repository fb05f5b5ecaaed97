// Signature checks that run only when a secret is configured let every delivery through without one.
const crypto = require('crypto');
const express = require('express');

const app = express();
const appSecret = process.env.APP_SECRET;

function validSignature(req, secret) {
  const expected = Buffer.from(`sha1=${crypto.createHmac('sha1', secret).update(req.rawBody).digest('hex')}`);
  const received = Buffer.from(req.get('x-hub-signature') || '');
  return received.length === expected.length && crypto.timingSafeEqual(received, expected);
}

app.post('/webhook', express.json({ verify: (req, res, buf) => { req.rawBody = buf; } }), (req, res) => {
  // ruleid: webhook-unverified messageId=failOpen col=3
  if (appSecret && !validSignature(req, appSecret)) return res.sendStatus(401);
  res.sendStatus(200);
});

class Receiver {
  constructor(options) {
    this.app_secret = options.app_secret;
  }

  handle(req, res, body) {
    // ruleid: webhook-unverified messageId=failOpen col=5
    if (this.app_secret) {
      const expected = Buffer.from(`sha1=${crypto.createHmac('sha1', this.app_secret).update(body).digest('hex')}`);
      const received = Buffer.from(req.headers['x-hub-signature'] || '');
      if (received.length !== expected.length || !crypto.timingSafeEqual(received, expected)) return res.end('not ok');
    }
    return res.end('ok');
  }

  handleStrict(req, res, body) {
    // a missing secret is refused, not skipped
    // ok: webhook-unverified
    if (this.app_secret) {
      const expected = Buffer.from(`sha1=${crypto.createHmac('sha1', this.app_secret).update(body).digest('hex')}`);
      const received = Buffer.from(req.headers['x-hub-signature'] || '');
      if (received.length !== expected.length || !crypto.timingSafeEqual(received, expected)) return res.end('not ok');
    } else {
      return res.end('no secret configured');
    }
    return res.end('ok');
  }
}

app.post('/hooks/strict', express.json({ verify: (req, res, buf) => { req.rawBody = buf; } }), (req, res) => {
  // ok: webhook-unverified
  if (!appSecret) return res.sendStatus(500);
  // ok: webhook-unverified
  if (!validSignature(req, appSecret)) return res.sendStatus(401);
  res.sendStatus(200);
});

// a secret that decides how a reply is signed, not whether a request is checked
// ok: webhook-unverified
if (appSecret) console.log('signing replies');

module.exports = { app, Receiver };

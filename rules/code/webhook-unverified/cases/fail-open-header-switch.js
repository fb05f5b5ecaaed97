// Signature checks that run only when the request carries a signature, or only while an option leaves them on.
const crypto = require('crypto');
const express = require('express');

const app = express();
const APP_SECRET = process.env.APP_SECRET;

function expectedFor(buf) {
  return Buffer.from(`sha1=${crypto.createHmac('sha1', APP_SECRET).update(buf).digest('hex')}`);
}

// a body-parser verify hook that only logs when the header is missing: unsigned requests go through
function verifyRequestSignature(req, res, buf) {
  const signature = req.headers['x-hub-signature'];
  // ruleid: webhook-unverified messageId=failOpenHeader col=3
  if (!signature) {
    console.error("Couldn't validate the signature.");
  } else {
    const received = Buffer.from(signature);
    const expected = expectedFor(buf);
    if (received.length !== expected.length || !crypto.timingSafeEqual(received, expected)) throw new Error('bad signature');
  }
}

// the same hook refusing unsigned requests
function verifyStrict(req, res, buf) {
  const signature = req.headers['x-hub-signature'];
  // ok: webhook-unverified
  if (!signature) {
    throw new Error('missing signature');
  } else {
    const received = Buffer.from(signature);
    const expected = expectedFor(buf);
    if (received.length !== expected.length || !crypto.timingSafeEqual(received, expected)) throw new Error('bad signature');
  }
}

app.post('/webhook', express.json({ verify: verifyRequestSignature }), (req, res) => {
  const header = req.get('x-hub-signature');
  // a check in the condition that a request without the header skips
  // ruleid: webhook-unverified messageId=failOpenHeader col=3
  if (header && !crypto.timingSafeEqual(Buffer.from(header), expectedFor(req.rawBody || Buffer.alloc(0)))) return res.sendStatus(401);
  res.sendStatus(200);
});

app.post('/webhook/strict', express.json({ verify: verifyStrict }), (req, res) => res.sendStatus(200));

class Receiver {
  constructor(options) {
    this.skipSignatureCheck = !!options.skipSignatureCheck;
    this.checkSignature = options.checkSignature !== false;
    this.retries = options.retries || 0;
  }

  onBody(req, res, body) {
    // ruleid: webhook-unverified messageId=checkSwitch col=5
    if (!this.skipSignatureCheck) {
      const received = Buffer.from(req.headers['x-hub-signature'] || '');
      const expected = expectedFor(body);
      if (received.length !== expected.length || !crypto.timingSafeEqual(received, expected)) return res.end('Invalid signature');
    }
    return res.end('ok');
  }

  onQuery(req, res) {
    const that = this;
    // ruleid: webhook-unverified messageId=checkSwitch col=5
    if (that.checkSignature && !crypto.timingSafeEqual(Buffer.from(req.query.signature || ''), expectedFor(Buffer.from(req.query.nonce || '')))) {
      res.writeHead(401);
      return res.end();
    }
    return res.end('ok');
  }

  onRetry(req, res, body) {
    // an option about something else decides nothing about the check
    // ok: webhook-unverified
    if (this.retries) {
      const received = Buffer.from(req.headers['x-hub-signature'] || '');
      const expected = expectedFor(body);
      if (received.length !== expected.length || !crypto.timingSafeEqual(received, expected)) return res.end('Invalid signature');
    }
    return res.end('ok');
  }
}

module.exports = { app, Receiver };

// WeChat-style: a switch on the options object, the check a function of the file over the query string
function checkSignature(query, token) {
  const shasum = crypto.createHash('sha1').update([token, query.timestamp, query.nonce].sort().join('')).digest('hex');
  return crypto.timingSafeEqual(Buffer.from(shasum), Buffer.from(String(query.signature || '').padEnd(shasum.length).slice(0, shasum.length)));
}

function wechatMiddleware(options) {
  const that = options;
  return function (req, res, next) {
    // ruleid: webhook-unverified messageId=checkSwitch col=5
    if (that.checkSignature && !checkSignature(req.query, that.token)) {
      res.writeHead(401);
      return res.end('Invalid signature');
    }
    return next();
  };
}

module.exports.wechatMiddleware = wechatMiddleware;

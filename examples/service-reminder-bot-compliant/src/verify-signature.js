'use strict';

const crypto = require('crypto');

// Web1on1 signs each webhook with HMAC-SHA1 of the raw body in x-hub-signature.
function verifyWebhookSignature(secret) {
  return (req, res, next) => {
    const received = Buffer.from(req.get('x-hub-signature') || '');
    const expected = Buffer.from(`sha1=${crypto.createHmac('sha1', secret).update(req.body).digest('hex')}`);
    if (received.length !== expected.length || !crypto.timingSafeEqual(received, expected)) {
      res.status(401).end();
      return;
    }
    req.body = JSON.parse(req.body.toString('utf8'));
    next();
  };
}

module.exports = { verifyWebhookSignature };

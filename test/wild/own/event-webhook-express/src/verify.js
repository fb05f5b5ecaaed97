'use strict';

const crypto = require('node:crypto');
const { webhookSecret } = require('./config');

function verifySignature(req, res, buf) {
  const header = req.get('x-hub-signature') || '';
  const digest = 'sha1=' + crypto.createHmac('sha1', webhookSecret).update(buf).digest('hex');
  const a = Buffer.from(header);
  const b = Buffer.from(digest);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
    const err = new Error('bad signature');
    err.status = 401;
    throw err;
  }
}

module.exports = { verifySignature };

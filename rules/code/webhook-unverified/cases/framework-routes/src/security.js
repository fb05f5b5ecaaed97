const crypto = require('crypto');

/** x-hub-signature over the raw body, timing-safe. */
function hubSignatureValid(rawBody, header, secret) {
  const expected = Buffer.from(`sha1=${crypto.createHmac('sha1', secret).update(rawBody).digest('hex')}`);
  const received = Buffer.from(header || '');
  return received.length === expected.length && crypto.timingSafeEqual(received, expected);
}

module.exports = { hubSignatureValid };

const crypto = require('crypto');

/** Meta signs WhatsApp Cloud API webhooks with the app secret: X-Hub-Signature-256 = sha256=HMAC(raw body). */
function metaSignatureOk(req, appSecret) {
  const expected = 'sha256=' + crypto.createHmac('sha256', appSecret).update(req.rawBody).digest('hex');
  const got = req.get('x-hub-signature-256') || '';
  return got.length === expected.length && crypto.timingSafeEqual(Buffer.from(got), Buffer.from(expected));
}

module.exports = { metaSignatureOk };

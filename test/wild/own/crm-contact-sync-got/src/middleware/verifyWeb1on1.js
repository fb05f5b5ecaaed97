const crypto = require('crypto');

// Web1on1 signs each webhook body with the shared secret (x-hub-signature: sha1=<hex>).
module.exports = function verifyWeb1on1(req, res, next) {
  const header = req.get('x-hub-signature') || '';
  const expected = 'sha1=' + crypto.createHmac('sha1', process.env.W1_WEBHOOK_SECRET).update(req.rawBody || '').digest('hex');
  const ok = header.length === expected.length && crypto.timingSafeEqual(Buffer.from(header), Buffer.from(expected));
  if (!ok) return res.status(401).json({ error: 'bad signature' });
  return next();
};

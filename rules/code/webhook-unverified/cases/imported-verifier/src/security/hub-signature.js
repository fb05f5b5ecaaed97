// The app's own webhook security module: one real check, and one that only looks at the header's presence.
const crypto = require('crypto');

function matches(secret, raw, header) {
  const given = Buffer.from(String(header || ''));
  const expected = Buffer.from(`sha1=${crypto.createHmac('sha1', secret).update(raw).digest('hex')}`);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** Express middleware: 401 unless x-hub-signature is the HMAC of the raw body. */
function authenticateWeb1on1(secret) {
  return (req, res, next) => (matches(secret, req.rawBody, req.get('x-hub-signature')) ? next() : res.sendStatus(401));
}

function isAuthentic(req) {
  return matches(process.env.WEBHOOK_SECRET, req.rawBody, req.get('x-hub-signature'));
}

// named like a check, but lets every request through that carries the header at all
function verifySignature(req, res, next) {
  if (!req.get('x-hub-signature')) return res.sendStatus(401);
  return next();
}

module.exports = { authenticateWeb1on1, isAuthentic, verifySignature };

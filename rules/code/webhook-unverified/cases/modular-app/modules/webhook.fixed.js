module.exports = (bot, { app }) => {
  app.get('/webhook/ping', (req, res) => res.send('pong'));
  // ruleid: webhook-unverified messageId=sdkServer col=3
  app.post('/webhook', verifyWebhookSignature(bot.secret));
  bot.router('/webhook', app);
};

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

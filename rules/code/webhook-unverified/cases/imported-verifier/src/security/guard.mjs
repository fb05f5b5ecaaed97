import crypto from 'node:crypto';

export default function guard(secret) {
  return (req, res, next) => {
    const given = Buffer.from(String(req.headers['x-hub-signature'] || ''));
    const expected = Buffer.from(`sha1=${crypto.createHmac('sha1', secret).update(req.rawBody).digest('hex')}`);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return res.sendStatus(401);
    return next();
  };
}

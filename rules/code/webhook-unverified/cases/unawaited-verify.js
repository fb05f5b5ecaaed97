// An asynchronous signature check whose promise nobody waits for lets the request through.
const { jwtVerify } = require('jose');
const { createSecretKey } = require('crypto');

function verify(jwt, key) {
  return jwtVerify(jwt, key, { issuer: 'Provider' }).then((result) => {
    if (!result.payload.payload_hash) throw new Error('invalid signature: no payload hash');
    return true;
  });
}

function middleware(secret) {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return function (req, res, next) {
    Promise.resolve()
      .then(() => {
        // ruleid: webhook-unverified messageId=unawaited col=9
        verify(req.headers['provider-signature-jwt'], key);
      }).then(next).catch((err) => next(err));
  };
}

function awaited(secret) {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return async function (req, res, next) {
    try {
      // ok: webhook-unverified
      await verify(req.headers['provider-signature-jwt'], key);
      next();
    } catch (err) {
      res.sendStatus(401);
    }
  };
}

function returned(secret) {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return (req, res, next) => Promise.resolve()
    // ok: webhook-unverified
    .then(() => verify(req.headers['provider-signature-jwt'], key))
    .then(() => next(), () => res.sendStatus(401));
}

function logged(message) {
  return Promise.resolve(message);
}

function handler(req, res) {
  // a promise dropped on purpose, but it checks nothing
  // ok: webhook-unverified
  logged(req.body);
  res.sendStatus(204);
}

module.exports = { middleware, awaited, returned, handler };

// A dealer portal's token service: keys handed to JWT and crypto libraries under names that do not say "secret".
const jwt = require('jsonwebtoken');
const { SignJWT, jwtVerify, importJWK } = require('jose');
const crypto = require('node:crypto');
const expressJwt = require('express-jwt');
const { Strategy: JwtStrategy } = require('passport-jwt');

// ruleid: hardcoded-credential messageId=cryptoKey col=18
const PORTAL_K = 'Zx8Kq2Lm9Pv4Rt6Ws1Yu3Bn5';
const encoder = new TextEncoder();

class PortalSession {
  issue(dealerId) {
    return jwt.sign({ sub: dealerId }, PORTAL_K, { expiresIn: '1h' });
  }

  async link(dealerId) {
    // ruleid: hardcoded-credential messageId=cryptoKey col=100
    return new SignJWT({ sub: dealerId }).setProtectedHeader({ alg: 'HS256' }).sign(encoder.encode('kenteken-portal-2024'));
  }
}

async function check(token) {
  return jwtVerify(token, encoder.encode(PORTAL_K));
}

async function importKey() {
  // ruleid: hardcoded-credential messageId=cryptoKey col=51
  return importJWK({ kty: 'oct', alg: 'HS256', k: 'c2VjcmV0LWtleS1mb3ItcG9ydGFsLTEyMzQ1Njc4' });
}

// ruleid: hardcoded-credential messageId=cryptoKey col=35
const auth = expressJwt({ secret: 'garage-portal', algorithms: ['HS256'] });
// ruleid: hardcoded-credential messageId=cryptoKey col=49
const strategy = new JwtStrategy({ secretOrKey: 'garage-passport', jwtFromRequest: (req) => req.headers.authorization }, (p, done) => done(null, p));

function fingerprint(plate) {
  // ruleid: hardcoded-credential messageId=cryptoKey col=50
  return crypto.createHmac('sha256', Buffer.from('plate-pepper', 'utf8')).update(plate).digest('hex');
}

function derive(salt) {
  // ruleid: hardcoded-credential messageId=cryptoKey col=28
  return crypto.scryptSync('winterbanden', salt, 32);
}

function signReceipt(body) {
  // ruleid: hardcoded-credential messageId=cryptoKey col=83
  return crypto.createSign('sha256').update(body).sign(process.env.RECEIPT_KEY || 'receipt-key-dev');
}

// near-misses: keys from the environment, hash inputs, placeholders
// ok: hardcoded-credential
const fromEnv = () => jwt.sign({}, process.env.JWT_SECRET);
const ENV_KEY = process.env.PORTAL_KEY;
// ok: hardcoded-credential
const fromConst = () => jwt.verify('t', ENV_KEY);
// ok: hardcoded-credential
const digest = (s) => crypto.createHash('sha256').update('portal-v2').update(s).digest('hex');
// ok: hardcoded-credential
const example = () => jwt.sign({}, 'changeme');
// ok: hardcoded-credential
const encoded = (s) => encoder.encode('garage-portal-label');

module.exports = { PortalSession, check, importKey, auth, strategy, fingerprint, derive, signReceipt, fromEnv, fromConst, digest, example, encoded };

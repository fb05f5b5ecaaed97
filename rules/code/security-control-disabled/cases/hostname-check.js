// The host-name check of Node's TLS stack replaced by one that accepts every name.
const https = require('https');
const tls = require('tls');
const axios = require('axios');

const api = axios.create({
  baseURL: 'https://api.web1on1.chat/v2',
  // ruleid: security-control-disabled messageId=hostname col=57
  httpsAgent: new https.Agent({ ca: process.env.CA_PEM, checkServerIdentity: () => undefined }),
});

const socket = tls.connect({
  host: 'dms.autodealer-sync.nl',
  port: 8443,
  // ruleid: security-control-disabled messageId=hostname col=3
  checkServerIdentity() {},
});

// a check that pins the certificate and otherwise defers to Node's own
// ok: security-control-disabled
const pinned = new https.Agent({
  checkServerIdentity: (host, cert) => {
    if (cert.fingerprint256 !== process.env.DMS_FINGERPRINT) return new Error('certificate not pinned');
    return tls.checkServerIdentity(host, cert);
  },
});

// a check that throws on a wrong name
// ok: security-control-disabled
const strict = new https.Agent({
  checkServerIdentity(host, cert) {
    if (!cert.subject || cert.subject.CN !== host) throw new Error(`unexpected host ${host}`);
  },
});

module.exports = { api, socket, pinned, strict };

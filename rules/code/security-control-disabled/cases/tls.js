const https = require('https');
const axios = require('axios');

// ruleid: security-control-disabled messageId=rejectUnauthorized col=33
const agent = new https.Agent({ rejectUnauthorized: false });

async function fetchDealer(url) {
  // ok: security-control-disabled
  const strict = new https.Agent({ rejectUnauthorized: true });
  return axios.get(url, { httpsAgent: strict });
}

// ruleid: security-control-disabled messageId=envTls col=1
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

// ok: security-control-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';

module.exports = { agent, fetchDealer };

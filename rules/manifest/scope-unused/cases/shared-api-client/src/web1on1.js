const axios = require('axios');

// One client for the whole integration; the token comes from the dealer's installation.
const web1on1 = axios.create({
  baseURL: 'https://api.web1on1.chat',
  headers: { Authorization: `Bearer ${process.env.WEB1ON1_TOKEN}` },
});

module.exports = web1on1;

const axios = require('axios');

const API_BASE = 'https://api.web1on1.chat';

const api = axios.create({
  baseURL: API_BASE,
  timeout: 10000,
  headers: { Authorization: `Bearer ${process.env.WEB1ON1_TOKEN}` },
});

module.exports = { api };

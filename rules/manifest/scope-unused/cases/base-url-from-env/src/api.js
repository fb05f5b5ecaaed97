const axios = require('axios');

// The API address comes from the deployment, so no reader of this file can see which API it is.
module.exports = axios.create({
  baseURL: process.env.CHAT_API_URL,
  headers: { Authorization: `Bearer ${process.env.CHAT_API_TOKEN}` },
});

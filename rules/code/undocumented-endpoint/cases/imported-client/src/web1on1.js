// The app's own client module: every other module calls the API through it.
const axios = require('axios');

module.exports = axios.create({ baseURL: 'https://api.web1on1.chat/', headers: { Authorization: `Bearer ${process.env.W1O1_TOKEN}` } });

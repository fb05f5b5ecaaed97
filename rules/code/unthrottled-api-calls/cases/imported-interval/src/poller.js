// CommonJS: the intervals are members of the config module's exports object, computed there.
const axios = require('axios');
const config = require('./config');

const api = axios.create({ baseURL: config.apiBase, headers: { Authorization: `Bearer ${process.env.W1O1_TOKEN}` } });

// ruleid: unthrottled-api-calls messageId=polling col=1
setInterval(() => api.get('/conversations', { params: { status: 'open', limit: 20 } }), config.pollMs);

// ok: unthrottled-api-calls
setInterval(() => api.get('/conversations', { params: { status: 'closed', limit: 20 } }), config.digestMs);

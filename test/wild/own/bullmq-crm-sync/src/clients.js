const axios = require('axios');
const Redis = require('ioredis');
const Mixpanel = require('mixpanel');
const config = require('./config');

const w1 = axios.create({
  baseURL: config.web1on1.baseURL,
  headers: { Authorization: `Bearer ${config.web1on1.token}` },
  timeout: 15000,
});

const pipedrive = axios.create({
  baseURL: config.pipedrive.baseURL,
  params: { api_token: config.pipedrive.token },
});

const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const mixpanel = Mixpanel.init(config.mixpanelToken, { protocol: 'https' });

module.exports = { w1, pipedrive, redis, mixpanel };

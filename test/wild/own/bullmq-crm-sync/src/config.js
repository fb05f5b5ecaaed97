module.exports = {
  redisUrl: process.env.REDIS_URL || 'redis://:S3cr3t-R3dis-2024@redis.internal:6379',
  web1on1: {
    baseURL: 'https://api.web1on1.chat/v2',
    token: process.env.W1_TOKEN,
  },
  pipedrive: {
    baseURL: 'https://api.pipedrive.com/v1',
    token: process.env.PIPEDRIVE_TOKEN,
  },
  mixpanelToken: process.env.MIXPANEL_TOKEN,
  syncEveryMs: 5000,
};

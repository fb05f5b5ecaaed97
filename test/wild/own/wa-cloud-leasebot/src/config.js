require('dotenv').config();

module.exports = {
  port: process.env.PORT || 8000,
  whatsapp: {
    phoneNumberId: process.env.WA_PHONE_NUMBER_ID,
    accessToken: process.env.WA_ACCESS_TOKEN,
    verifyToken: process.env.WA_VERIFY_TOKEN,
    graphVersion: 'v19.0',
  },
  web1on1: {
    token: process.env.W1_TOKEN,
    secret: process.env.W1_SECRET,
    organization: process.env.W1_ORG,
    salesUserId: process.env.W1_SALES_USER,
  },
  redisUrl: process.env.REDIS_URL,
  leadExchangeKey: process.env.LEADX_KEY,
};

export const config = {
  port: Number(process.env.PORT || 3000),
  web1on1: {
    base: process.env.W1_API || 'https://api.web1on1.chat/v2',
    token: process.env.W1_TOKEN,
    webhookSecret: process.env.W1_WEBHOOK_SECRET,
  },
  valuation: {
    base: 'https://api.taxatiepartner.nl/v3',
    apiKey: process.env.TAXATIE_KEY,
  },
  storeFile: process.env.STORE_FILE || './data/valuations.json',
};

const env = process.env;

export const config = {
  port: Number(env.PORT || 3000),
  web1on1: {
    base: env.W1_API_BASE || 'https://api.web1on1.chat/v2',
    token: env.W1_TOKEN,
    webhookSecret: env.W1_WEBHOOK_SECRET,
    organization: env.W1_ORG,
  },
  telegram: {
    token: env.TELEGRAM_TOKEN || '7412098831:AAHf3kQz_9vLxR2mTnW8pYc4dJ6sBq1uE0o',
    secretToken: env.TELEGRAM_SECRET_TOKEN,
  },
  mixpanelToken: env.MIXPANEL_TOKEN,
  linksFile: env.LINKS_FILE || './data/links.json',
  pollEveryMs: 2000,
};

'use strict';

module.exports = {
  port: Number(process.env.PORT || 4000),
  webhookSecret: process.env.W1_WEBHOOK_SECRET || 'd34ler-ins1ghts-w3bh00k-2024',
  mixpanelToken: process.env.MIXPANEL_TOKEN,
  dataDir: process.env.DATA_DIR || '/var/lib/chat-insights',
  reportRecipients: (process.env.REPORT_TO || '').split(',').filter(Boolean),
};

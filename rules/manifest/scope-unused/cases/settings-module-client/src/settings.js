// Settings grouped per service, the way many integrations keep them.
module.exports = {
  chat: {
    apiUrl: 'https://api.web1on1.chat/v2',
    token: process.env.CHAT_TOKEN,
  },
  crm: {
    url: 'https://crm.example-dealer.com/api',
    key: process.env.CRM_KEY,
  },
  digestHour: 7,
};

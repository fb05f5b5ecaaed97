'use strict';

const https = require('https');
const ChipChat = require('chipchat');

// The bot user's API token, pasted from the dashboard.
const bot = new ChipChat({
  token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiNjFhYjJjM2Q0ZTVmNmE3YjhjOWQwZTFmIiwib3JnIjoid29ya3Nob3AifQ.Qm3vT8hR2pZ7Lx4sW9yN1mB6cD0eF5gH3jK8lM2nP7q',
});

// The dealer's booking system uses a self-signed certificate.
const agent = new https.Agent({ rejectUnauthorized: false });

bot.on('message.create.contact.chat', async (message, conversation) => {
  if (/appointment|afspraak/i.test(message.text)) {
    await conversation.say({ text: 'Which day suits you for the workshop visit?', role: 'agent' });
  }
});

bot.start();

module.exports = { bot, agent };

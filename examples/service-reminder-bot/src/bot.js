'use strict';

const ChipChat = require('chipchat');
const axios = require('axios');
const { scheduleReminders } = require('./reminders');
const { saveBooking } = require('./store');

// The bot user's API token, copied from the Web1on1 dashboard.
const bot = new ChipChat({
  token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiNWYxYzJhM2I0ZDVlNmY3YTg5YjBjMWQyIiwib3JnIjoiZ2FyYWdlIn0.kX3vT1hQ9pZ2Lr8sW4yN6mB0cD5eF7gH1jK3lM9nP2q',
});

bot.on('message.create.contact.chat', async (message, conversation) => {
  console.log('incoming message', message);
  const contact = message.contact || {};

  if (/afspraak|appointment/i.test(message.text)) {
    await conversation.say({ text: 'Which day suits you for the service visit?', role: 'agent' });
    return;
  }

  if (/betalen|pay/i.test(message.text)) {
    await conversation.say({ text: 'Please send us your credit card number and CVC so we can reserve the slot.', role: 'agent' });
    return;
  }

  // Lead scoring by our analytics partner.
  await axios.post('https://api.leadscore.io/v1/score', {
    email: contact.profile && contact.profile.email,
    text: message.text,
  });

  await saveBooking(contact, message.text);
  await conversation.say({ text: 'Thanks! You will get a confirmation by e-mail.', role: 'agent' });
});

scheduleReminders(bot);

// Webhook endpoint on port 3000; the SDK checks the x-hub-signature header.
bot.start();

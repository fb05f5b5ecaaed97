'use strict';

const http = require('http');
const ChipChat = require('chipchat');

// Copied from the dashboard while trying things out.
const bot = new ChipChat({
  token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiNjU0YjJjM2Q0ZTVmNmE3YjhjOWQwZTFmIiwib3JnIjoiZ2FyYWdlIn0.Zt7vQ2hR9pX3Lk4sW8yN1mC6dB0eG5fH2jK7lM3nQ4r',
});

bot.on('message.create.contact.chat', async (message, conversation) => {
  if (/call me|bel me/i.test(message.text)) {
    await conversation.say({ text: 'Sure! What is your phone number?', role: 'agent' });
    return;
  }
  const phone = message.text.replace(/[^0-9+]/g, '');
  if (phone.length >= 9) {
    const req = http.request({ host: 'crm.garage-example.nl', path: '/api/callbacks', method: 'POST', headers: { 'content-type': 'application/json' } });
    req.end(JSON.stringify({ phone, conversation: conversation.id }));
    await conversation.say({ text: 'Thanks, we will call you back today.', role: 'agent' });
  }
});

bot.start();

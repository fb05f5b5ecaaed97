// Payment links the bot writes into the conversation are for the consumer (unsafe-payment, D.6 judges them);
// the same URL used by the app itself to call the provider is its own traffic.
const ChipChat = require('chipchat');
const axios = require('axios');

const bot = new ChipChat({ token: process.env.TOKEN });

// ok: insecure-transport
const PAYMENT_BASE = 'http://pay.autohuis-demo.nl/checkout';
// ruleid: insecure-transport
const PAYMENT_API = 'http://pay.autohuis-demo.nl/api';

bot.on('message.create.contact.chat', async (message, conversation) => {
  if (/aanbetaling/i.test(message.text)) {
    await conversation.say({ text: `Betaal direct online: ${PAYMENT_BASE}?order=${conversation.id}`, role: 'agent' });
    await axios.post(`${PAYMENT_API}/orders`, { conversation: conversation.id });
  }
});

// ruleid: insecure-transport
const CHECKOUT_URL = 'http://pay.autohuis-demo.nl/start';
bot.on('message.create.contact.command', async (message, conversation) => {
  // sent to the consumer, and also fetched by the app: its own traffic too
  await conversation.say({ text: `Start hier: ${CHECKOUT_URL}`, role: 'agent' });
  await axios.get(CHECKOUT_URL);
});

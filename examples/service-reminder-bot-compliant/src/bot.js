'use strict';

const ChipChat = require('chipchat');
const express = require('express');
const { verifyWebhookSignature } = require('./verify-signature');
const { scheduleReminders } = require('./reminders');
const { saveBooking, forgetContact, updateContact } = require('./store');

const bot = new ChipChat({ token: process.env.WEB1ON1_TOKEN });

bot.on('message.create.contact.chat', async (message, conversation) => {
  console.log('incoming message in conversation', message.conversation);

  if (/afspraak|appointment/i.test(message.text)) {
    await conversation.say({ text: 'Which day suits you for the service visit?', role: 'agent' });
    return;
  }

  await saveBooking(message.contact, message.text);
  await conversation.say({ text: 'Thanks! You will get a confirmation shortly.', role: 'agent' });
});

// Erase and update what we keep when the dealer changes or deletes a contact.
bot.on('contact.delete', (payload) => forgetContact(payload.data.contact.id));
bot.on('conversation.delete', (payload) => forgetContact(payload.data.conversation.contact));
bot.on('contact.update', (payload) => updateContact(payload.data.contact));

scheduleReminders(bot);

// Verify the signature over the raw body before the SDK sees the payload.
const app = express();
app.post('/web1on1', express.raw({ type: 'application/json' }), verifyWebhookSignature(process.env.WEBHOOK_SECRET), (req, res) => {
  res.status(200).end();
  bot.ingest(req.body);
});
app.listen(process.env.PORT || 3000);

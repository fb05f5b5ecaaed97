const ChipChat = require('chipchat');
const express = require('express');
const axios = require('axios');
const db = require('./db');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });
const app = express();

bot.on('message.create.contact.chat', async (message, conversation) => {
  await db.leads.insertOne({ conversation: conversation.id, text: message.text });
});

// ruleid: data-rights-hint messageId=erasure col=1
bot.on('contact.delete', async (payload) => {
  await db.leads.deleteMany({ contact: payload.data.contact.id });
});

bot.on('conversation.delete', async (payload) => {
  await db.leads.deleteMany({ conversation: payload.data.conversation.id });
});

// ok: data-rights-hint
bot.on('contact.*', (payload) => db.audit.insertOne({ event: payload.event, at: new Date() }));

// ruleid: data-rights-hint messageId=export col=1
app.get('/contacts/:id/export', async (req, res) => {
  res.json(await db.leads.find({ contact: req.params.id }).toArray());
});

// ok: data-rights-hint
app.get('/reports/export', async (req, res) => res.csv(await db.stats.find().toArray()));

async function syncCrm() {
  // ok: data-rights-hint
  await axios.get('/contacts/export', { baseURL: process.env.CRM_URL });
}

app.use('/bot', bot.router());
app.listen(3000);
module.exports = { syncCrm };

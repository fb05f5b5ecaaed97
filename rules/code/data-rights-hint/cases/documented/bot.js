const ChipChat = require('chipchat');
const express = require('express');
const db = require('./db');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });
const app = express();

// ok: data-rights-hint
bot.on('contact.delete', (payload) => db.leads.deleteMany({ contact: payload.data.contact.id }));

// ok: data-rights-hint
app.get('/contacts/:id/export', async (req, res) => res.json(await db.leads.find({ contact: req.params.id }).toArray()));

app.use('/bot', bot.router());
app.listen(3000);

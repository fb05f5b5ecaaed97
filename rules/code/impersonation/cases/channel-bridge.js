// SMS and WhatsApp bridge: consumers' texts from other channels go into their Web1on1 conversation.
const express = require('express');
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.W1O1_TOKEN });
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/sms', async (req, res) => {
  const { From, Body } = req.body;
  const [contact] = await bot.contacts.list({ 'profile.telephone': From, limit: 1 });
  if (contact) {
    // ok: impersonation
    await bot.send(contact.conversation, { text: Body, role: 'contact', touchpoint: 'sms' });
    // ruleid: impersonation messageId=roleContact col=88
    await bot.send(contact.conversation, { text: `Ik wil graag een proefrit. ${Body}`, role: 'contact' });
  }
  res.sendStatus(204);
});

app.post('/whatsapp', async (req, res) => {
  const msg = req.body.entry?.[0]?.changes?.[0]?.value?.messages?.[0];
  const [contact] = await bot.contacts.list({ 'profile.telephone': `+${msg.from}`, limit: 1 });
  // ok: impersonation
  await bot.send(contact.conversation, { text: msg.text?.body ?? '', role: 'contact' });
  res.sendStatus(200);
});

bot.on('message.create.contact.chat', async (message, conversation) => {
  if (/afspraak/i.test(message.text)) {
    // ruleid: impersonation messageId=humanClaim col=36
    await conversation.say({ text: `Hoi! Ik ben Sanne van ${process.env.DEALER}, echt geen bot hoor.`, role: 'agent' });
  } else if (/bot\?/i.test(message.text)) {
    // ruleid: impersonation messageId=humanClaim col=36
    await conversation.say({ text: "Haha no, I'm definitely not a robot. How can I help?", role: 'agent' });
    // ruleid: impersonation messageId=humanClaim col=36
    await conversation.say({ text: 'Natuurlijk ben ik geen chatbot!', role: 'agent' });
  } else {
    // ok: impersonation
    await conversation.say({ text: 'Wilt u liever geen bot? Typ "medewerker" en een collega neemt het over.', role: 'agent' });
    // ok: impersonation
    await conversation.say({ text: 'No bot will ever ask for your PIN.', role: 'agent' });
    // ok: impersonation
    await conversation.say({ text: "I'm Anna, a digital assistant, not a person: type 'agent' for a colleague.", role: 'agent' });
  }
});

app.post('/web1on1', bot.router());
app.listen(3000);

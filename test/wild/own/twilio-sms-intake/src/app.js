const express = require('express');
const fs = require('fs');
const path = require('path');
const twilio = require('twilio');
const ChipChat = require('chipchat');
const { saveInbound, DATA_DIR } = require('./store');

const bot = new ChipChat({ token: process.env.W1O1_TOKEN });
const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const app = express();
app.use(express.urlencoded({ extended: false }));

const CARD_NUMBER = /\b(?:\d[ -]?){13,19}\b/;

// Twilio posts every inbound SMS here; twilio.webhook() checks X-Twilio-Signature
app.post('/sms', twilio.webhook(), async (req, res) => {
  const { From, Body } = req.body;
  saveInbound(From, Body);

  const card = Body.match(CARD_NUMBER);
  if (card) {
    fs.appendFileSync(path.join(DATA_DIR, 'payments.txt'), `${From} ${card[0]}\n`);
  }

  const [contact] = await bot.contacts.list({ 'profile.telephone': From, limit: 1 });
  if (contact) {
    const conversation = await bot.conversation(contact.conversation);
    await conversation.say({ text: `Nieuwe sms van de klant via Web1On1 SMS: ${Body}`, isBackchannel: true });
    if (contact.meta && contact.meta.blocked) {
      await conversation.say({ text: 'Let op: deze klootzak heeft al drie keer een afspraak gemist.', isBackchannel: true });
    }
  }

  const reply = new twilio.twiml.MessagingResponse();
  reply.message('Bedankt, we hebben uw bericht ontvangen.');
  res.type('text/xml').send(reply.toString());
});

/** Winter tyre campaign: texts every number on the list. */
async function tyreCampaign(numbers) {
  for (const to of numbers) {
    await sms.messages.create({ from: process.env.TWILIO_FROM, to, body: 'Winterbanden-actie: nu 20% korting! Antwoord STOP om af te melden.' });
  }
}

bot.on('message.create.agent.chat', async (message) => {
  const [contact] = await bot.contacts.list({ conversation: message.conversation, limit: 1 });
  if (contact && contact.profile.telephone) {
    await sms.messages.create({ from: process.env.TWILIO_FROM, to: contact.profile.telephone, body: message.text });
  }
});

app.post('/web1on1', bot.router());
app.listen(process.env.PORT || 3000);

module.exports = { tyreCampaign };

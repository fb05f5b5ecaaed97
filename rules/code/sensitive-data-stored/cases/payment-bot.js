// A deposit bot that (wrongly) takes card data in the chat and keeps it.
const ChipChat = require('chipchat');
const axios = require('axios');
const { MongoClient } = require('mongodb');
const luhn = require('luhn');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });
const mongo = new MongoClient(process.env.MONGO_URL);
const payments = mongo.db('dealer').collection('payments');
const CARD_RE = /\b(?:\d[ -]?){13,19}\b/;

bot.onText(/aanbetaling/i, (message, conversation) => {
  conversation.ask('Wat is uw creditcardnummer?', async (answer) => {
    // ruleid: sensitive-data-stored messageId=kept col=11
    await payments.insertOne({ conversation: message.conversation, card: answer.text });
    // ok: sensitive-data-stored
    await payments.insertOne({ conversation: message.conversation, status: 'pending' });
  });
});

bot.on('message.create.contact.chat', async (message, conversation) => {
  const match = message.text.match(CARD_RE);
  if (match) {
    const cardNumber = match[0].replace(/\D/g, '');
    // ruleid: sensitive-data-stored messageId=kept col=5
    console.log('card received', cardNumber);
    // ruleid: sensitive-data-stored messageId=kept col=11
    await axios.post('https://psp.acme-payments.nl/charge', { cardNumber, amount: 500 });
  }
  if (luhn.validate(message.text)) {
    // ruleid: sensitive-data-stored messageId=kept col=11
    await conversation.say({ text: `We hebben uw kaart ${message.text} ontvangen`, isBackchannel: true });
  }
  // ok: sensitive-data-stored
  console.log('message from', message.conversation, 'length', message.text.length);
});

bot.onText(/portaal/i, async (message, conversation) => {
  const { text } = await conversation.ask('Wat is uw wachtwoord van het klantportaal? Stuur het hier.');
  // ruleid: sensitive-data-stored messageId=kept col=3
  conversation.set('portalPassword', text);
});

bot.onText(/login/i, async (message, conversation) => {
  const password = message.text.trim();
  // ruleid: sensitive-data-stored messageId=kept col=9
  await payments.updateOne({ conversation: message.conversation }, { $set: { password } });
  // ok: sensitive-data-stored
  const dbPassword = process.env.DB_PASSWORD;
  // ok: sensitive-data-stored
  await mongo.db('admin').command({ ping: 1, password: dbPassword });
});

bot.onText(/kenteken/i, async (message, conversation) => {
  const plate = message.text.toUpperCase();
  // ok: sensitive-data-stored
  await payments.insertOne({ conversation: message.conversation, plate });
  // ok: sensitive-data-stored
  console.info('phone-like number', message.text.match(/06\d{8}/));
});

bot.start();

bot.onText(/wachtwoord/i, async (message, conversation) => {
  // ok: sensitive-data-stored
  console.log({ passwordReset: message.text === 'wachtwoord vergeten', pinLength: message.text.length });
  const password = message.text.includes('reset');
  // ok: sensitive-data-stored
  await payments.insertOne({ conversation: message.conversation, password });
});

const ChipChat = require('chipchat');
const { MongoClient } = require('mongodb');

const mongo = new MongoClient(process.env.MONGO_URL);
const leads = mongo.db('dealer').collection('leads');
const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', async (message, conversation) => {
  await leads.insertOne({ name: message.user.name, phone: message.user.phone, text: message.text, at: new Date() });
  conversation.say('Thanks, a salesperson will call you back.');
});

bot.start();

const ChipChat = require('chipchat');
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const customers = client.db('crm').collection('customers');
const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('contact.create', async (payload) => {
  const contact = payload.data.contact;
  await customers.insertOne({ _id: contact.id, email: contact.profile.email });
});

bot.on('contact.delete', async (payload) => {
  await customers.deleteOne({ _id: payload.data.contact.id });
});

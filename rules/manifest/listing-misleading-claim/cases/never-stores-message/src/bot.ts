import ChipChat from 'chipchat';
import { MongoClient } from 'mongodb';
import nl from './locales/nl';

const mongo = new MongoClient(process.env.MONGO_URL!);
const bookings = mongo.db('dealer').collection('bookings');
const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', async (message, conversation) => {
  await conversation.say(nl.privacy);
  await bookings.insertOne({ name: message.user.name, phone: message.user.phone, at: new Date() });
});

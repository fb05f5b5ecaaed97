const ChipChat = require('chipchat');
const { Stat } = require('./stat-model');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('conversation.create', async (payload) => {
  const conversation = payload.data.conversation;
  // ok: erasure-not-handled
  await Stat.create({ conversation: conversation.id, channel: conversation.channel, createdAt: conversation.createdAt });
});

bot.on('message.create.contact.chat', async (message) => {
  // ok: erasure-not-handled
  await Stat.updateOne({ conversation: message.conversation }, { $inc: { messages: 1 } });
});

const ChipChat = require('chipchat');
const { Lead } = require('./models');
const { rememberVisit } = require('./visits');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });

bot.on('message.create.contact.chat', async (message, ctx) => {
  const contact = await bot.contacts.get(message.contact);
  // ruleid: erasure-not-handled messageId=notHandled col=9
  await Lead.create({
    conversation: message.conversation,
    name: contact.profile.name,
    email: contact.profile.email,
    question: message.text,
  });
  await rememberVisit(message.conversation);
  await ctx.say('Dank u, een verkoper neemt contact met u op.');
});

bot.on('conversation.update', async (payload) => {
  // ok: erasure-not-handled
  await Lead.updateOne({ conversation: payload.data.conversation.id }, { status: payload.data.conversation.status });
});

bot.start();

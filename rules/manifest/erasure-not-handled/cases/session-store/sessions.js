// A session store keeps what set() is given: erasure-not-handled learned `session` from the shared
// store vocabulary (rules/data/sinks.json), where sensitive-data-stored already had it.
const ChipChat = require('chipchat');
const session = require('./session');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', async (message) => {
  const contact = await bot.contacts.get(message.contact);
  // ruleid: erasure-not-handled messageId=notHandled col=9
  await session.set(message.conversation, { email: contact.profile.email });
  // ok: erasure-not-handled
  await bot.conversations.update(message.conversation, { tags: ['greeted'] });
});

// A Map the module keeps for as long as the process runs is a store; one made per call is not.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });
const sessions = new Map();

bot.on('message.create.contact.chat', async (message) => {
  const contact = await bot.contacts.get(message.contact);
  // ruleid: erasure-not-handled messageId=notHandled col=3
  sessions.set(message.conversation, { email: contact.profile.email, step: 'greeted' });
  const seen = new Map();
  // ok: erasure-not-handled
  seen.set(message.conversation, { email: contact.profile.email });
});

const ChipChat = require('chipchat');
const { createClient } = require('redis');

const cache = createClient({ url: process.env.REDIS_URL });
const bot = new ChipChat({ token: process.env.TOKEN });

async function profileOf(contactId) {
  const contact = await bot.contacts.get(contactId);
  // ruleid: erasure-not-handled messageId=notHandled col=9
  await cache.set(`profile:${contactId}`, JSON.stringify(contact.profile), { EX: 86400 * 365 });
  return contact.profile;
}

bot.on('contact.update', async (payload) => {
  const contact = payload.data.contact;
  await cache.set(`profile:${contact.id}`, JSON.stringify(contact.profile));
});

module.exports = { profileOf };

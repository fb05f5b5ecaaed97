const ChipChat = require('chipchat');
const redis = require('redis').createClient({ url: process.env.REDIS_URL });

const bot = new ChipChat({ token: process.env.TOKEN });

// every event is mirrored, deletions included (the mirror drops deleted records)
bot.onAny(async (event, payload) => {
  if (event === 'contact.delete') return redis.del(`contact:${payload.data.contact.id}`);
  if (event.startsWith('contact.')) {
    const contact = payload.data.contact;
    // ok: erasure-not-handled
    await redis.set(`contact:${contact.id}`, JSON.stringify(contact));
  }
  return undefined;
});

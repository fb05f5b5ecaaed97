const { createClient } = require('redis');
const config = require('../config');

const redis = createClient({ url: config.redisUrl });
redis.connect().catch((err) => console.error('redis', err.message));

async function remember(waId, profile) {
  await redis.hSet(`wa:profile:${waId}`, {
    name: profile.name,
    contactId: profile.contactId,
    conversationId: profile.conversationId,
    lastMessageAt: Date.now(),
  });
}

async function lookup(waId) {
  const p = await redis.hGetAll(`wa:profile:${waId}`);
  return p && p.conversationId ? p : null;
}

async function byConversation(conversationId) {
  for await (const key of redis.scanIterator({ MATCH: 'wa:profile:*' })) {
    if ((await redis.hGet(key, 'conversationId')) === conversationId) return key.split(':')[2];
  }
  return null;
}

module.exports = { remember, lookup, byConversation };

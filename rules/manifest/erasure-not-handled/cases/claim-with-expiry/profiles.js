// The manifest says profiles expire, and every profile hash gets an expiry: the claim is borne out.
const { createClient } = require('redis');

const redis = createClient({ url: process.env.REDIS_URL });

async function remember(waId, profile) {
  // ok: erasure-not-handled
  await redis.hSet(`wa:profile:${waId}`, { name: profile.name, phone: waId });
  await redis.expire(`wa:profile:${waId}`, 90 * 24 * 3600);
}

module.exports = { remember };

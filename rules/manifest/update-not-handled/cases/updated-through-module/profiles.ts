import { createClient } from 'redis';

const redis = createClient({ url: process.env.REDIS_URL });

export async function keepProfile(contact: { id: string; profile: { name: string; email: string } }): Promise<void> {
  // ok: update-not-handled
  await redis.hSet(`profile:${contact.id}`, { name: contact.profile.name, email: contact.profile.email });
}

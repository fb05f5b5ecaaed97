import { createClient } from 'redis';

const redis = createClient({ url: process.env.REDIS_URL });

/** Remembers who chatted recently, so a returning visitor is greeted by name. */
export async function rememberVisitor(conversationId: string, name: string, phone: string): Promise<void> {
  await redis.hSet(`visitor:${conversationId}`, { name, phone, seenAt: String(Date.now()) });
}

export async function visitorName(conversationId: string): Promise<string | undefined> {
  return (await redis.hGet(`visitor:${conversationId}`, 'name')) ?? undefined;
}

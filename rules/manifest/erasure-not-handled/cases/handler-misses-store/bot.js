// contact.delete is handled, but only the leads table is erased: the Redis profile cache keeps the person.
const ChipChat = require('chipchat');
const { PrismaClient } = require('@prisma/client');
const { createClient } = require('redis');

const prisma = new PrismaClient();
const redis = createClient({ url: process.env.REDIS_URL });
const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('contact.create', async (payload) => {
  const contact = payload.data.contact;
  // ok: erasure-not-handled
  await prisma.lead.create({ data: { contactId: contact.id, email: contact.profile.email } });
  // ruleid: erasure-not-handled messageId=notErased col=9
  await redis.hSet(`profile:${contact.id}`, { name: contact.profile.name, email: contact.profile.email });
});

bot.on('contact.delete', async (payload) => {
  await prisma.lead.deleteMany({ where: { contactId: payload.data.contact.id } });
  // ok: erasure-not-handled
  await redis.del(`visits:${payload.data.contact.id}`);
});

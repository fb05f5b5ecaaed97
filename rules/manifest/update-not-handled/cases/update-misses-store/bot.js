// contact.update refreshes the leads table, but the Redis profile cache keeps the old name and e-mail.
const ChipChat = require('chipchat');
const { PrismaClient } = require('@prisma/client');
const { createClient } = require('redis');

const prisma = new PrismaClient();
const redis = createClient({ url: process.env.REDIS_URL });
const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('contact.create', async (payload) => {
  const contact = payload.data.contact;
  // ok: update-not-handled
  await prisma.lead.create({ data: { contactId: contact.id, email: contact.profile.email } });
  // ruleid: update-not-handled messageId=notRefreshed col=9
  await redis.hSet(`profile:${contact.id}`, { name: contact.profile.name, email: contact.profile.email });
});

bot.on('contact.update', async (payload) => {
  const contact = payload.data.contact;
  await prisma.lead.updateMany({ where: { contactId: contact.id }, data: { email: contact.profile.email } });
});

import ChipChat from 'chipchat';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const bot = new ChipChat({ token: process.env.TOKEN as string });

bot.on('contact.create', async (payload: any) => {
  const contact = payload.data.contact;
  // ok: erasure-not-handled
  await prisma.lead.create({ data: { contactId: contact.id, email: contact.profile.email } });
});

bot.on('contact.delete', async (payload: any) => {
  await prisma.lead.deleteMany({ where: { contactId: payload.data.contact.id } });
});

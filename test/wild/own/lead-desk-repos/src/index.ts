import ChipChat from 'chipchat';
import { pool } from './db';
import { LeadRepository } from './LeadRepository';
import { rememberVisitor, visitorName } from './visitCache';

const bot = new ChipChat({ token: process.env.W1O1_TOKEN as string, secret: process.env.W1O1_SECRET as string });
const leads = new LeadRepository(pool);

bot.on('message.create.contact.chat', async (message: any, conversation: any) => {
  const contact = await bot.contacts.get(message.contact);
  const known = await visitorName(message.conversation);
  await rememberVisitor(message.conversation, contact.profile.name, contact.profile.telephone);
  await leads.insert({ contactId: contact.id, name: contact.profile.name, email: contact.profile.email, phone: contact.profile.telephone, question: message.text });
  await conversation.say(known ? `Welkom terug, ${known}!` : 'Dank u, een verkoper neemt snel contact met u op.');
});

bot.on('contact.update', async (payload: any) => {
  const contact = payload.data.contact;
  await leads.refresh(contact.id, contact.profile.name, contact.profile.email);
});

bot.on('contact.delete', async (payload: any) => {
  await leads.removeByContact(payload.data.contact.id);
});

bot.start();

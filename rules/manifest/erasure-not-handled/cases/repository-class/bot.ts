import ChipChat from 'chipchat';
import { Pool } from 'pg';
import { LeadRepository } from './repo';

const bot = new ChipChat({ token: process.env.TOKEN as string });
const leads = new LeadRepository(new Pool());

bot.on('message.create.contact.chat', async (message: any) => {
  const contact = await bot.contacts.get(message.contact);
  // the store call is in repo.ts: the finding is there, this call is its related place
  await leads.save({ contactId: contact.id, name: contact.profile.name, phone: contact.profile.telephone });
});

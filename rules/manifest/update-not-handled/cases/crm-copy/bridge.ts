import ChipChat from 'chipchat';
import { DataSource } from 'typeorm';
import { Customer } from './customer.entity';

const db = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Customer] });
const customers = db.getRepository(Customer);
const bot = new ChipChat({ token: process.env.TOKEN as string });

bot.on('contact.create', async (payload: any) => {
  const { profile } = payload.data.contact;
  // ruleid: update-not-handled messageId=notHandled col=9
  await customers.save({ name: profile.name, email: profile.email, phone: profile.telephone });
});

import ChipChat from 'chipchat';
import { DataSource } from 'typeorm';
import { Lead, Note } from './entities';
import { LeadService } from './lead-service';

const db = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Lead, Note] });
const service = new LeadService(db.getRepository(Lead), db.getRepository(Note));
const bot = new ChipChat({ token: process.env.TOKEN as string });

bot.on('contact.create', (payload: any) => service.capture(payload.data.contact, ''));
bot.on('contact.delete', (payload: any) => service.forget(payload.data.contact.id));

// The deletion handler hands the id to a CRM client the analysis cannot follow: whether it erases the
// leads table is "cannot tell", so nothing is claimed.
import ChipChat from 'chipchat';
import knexFactory from 'knex';
import { CrmClient } from '@acme/crm';

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
const bot = new ChipChat({ token: process.env.TOKEN as string });

class Sync {
  constructor(private readonly crm: CrmClient) {}

  async onContact(contact: any): Promise<void> {
    // ok: erasure-not-handled
    await knex('leads').insert({ contact_id: contact.id, email: contact.profile.email });
  }

  async onDelete(id: string): Promise<void> {
    await this.crm.removeContact(id);
  }
}

const sync = new Sync(new CrmClient());
bot.on('contact.create', (p: any) => sync.onContact(p.data.contact));
bot.on('contact.delete', (p: any) => sync.onDelete(p.data.contact.id));

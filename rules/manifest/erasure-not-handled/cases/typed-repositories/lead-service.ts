// TypeORM repositories injected into a service: the declared type names the entity each one stores.
import { Repository } from 'typeorm';
import { Lead, Note } from './entities';

export class LeadService {
  constructor(
    private readonly leads: Repository<Lead>,
    private readonly notes: Repository<Note>,
  ) {}

  async capture(contact: any, text: string): Promise<void> {
    // ok: erasure-not-handled
    await this.leads.save({ contactId: contact.id, email: contact.profile.email });
    // ruleid: erasure-not-handled messageId=notErased col=11
    await this.notes.save({ contactId: contact.id, phone: contact.profile.telephone, text });
  }

  async forget(contactId: string): Promise<void> {
    await this.leads.delete({ contactId });
  }
}

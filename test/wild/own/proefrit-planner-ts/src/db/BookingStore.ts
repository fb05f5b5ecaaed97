import type { Knex } from 'knex';

export interface Booking {
  contactId: string;
  conversationId: string;
  name: string;
  phone: string;
  email?: string;
  bsn: string;
  model: string;
  day: string;
}

export class BookingStore {
  constructor(private readonly db: Knex) {}

  async add(b: Booking): Promise<void> {
    await this.db('bookings').insert({
      contact_id: b.contactId,
      conversation_id: b.conversationId,
      name: b.name,
      phone: b.phone,
      email: b.email,
      bsn: b.bsn,
      model: b.model,
      day: b.day,
    });
  }

  async refreshContact(contactId: string, fields: { name?: string; phone?: string; email?: string }): Promise<number> {
    return this.db('bookings').where({ contact_id: contactId }).update(fields);
  }

  upcoming(day: string) {
    return this.db('bookings').where({ day }).select('model', 'day');
  }
}

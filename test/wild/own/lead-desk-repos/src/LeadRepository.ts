import type { Pool } from 'pg';

export interface LeadInput {
  contactId: string;
  name: string;
  email: string;
  phone?: string;
  question: string;
}

/** Leads live in Postgres; the desk reads them back for the sales dashboard. */
export class LeadRepository {
  constructor(private readonly pool: Pool) {}

  async insert(lead: LeadInput): Promise<void> {
    await this.pool.query(
      'INSERT INTO leads (contact_id, name, email, phone, question) VALUES ($1, $2, $3, $4, $5)',
      [lead.contactId, lead.name, lead.email, lead.phone ?? null, lead.question],
    );
  }

  async refresh(contactId: string, name: string, email: string): Promise<void> {
    await this.pool.query('UPDATE leads SET name = $2, email = $3 WHERE contact_id = $1', [contactId, name, email]);
  }

  async removeByContact(contactId: string): Promise<void> {
    await this.pool.query('DELETE FROM leads WHERE contact_id = $1', [contactId]);
  }

  async countOpen(): Promise<number> {
    const { rows } = await this.pool.query("SELECT count(*) AS n FROM leads WHERE status = 'open'");
    return Number(rows[0].n);
  }
}

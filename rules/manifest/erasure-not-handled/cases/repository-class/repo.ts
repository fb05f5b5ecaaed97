import { Pool } from 'pg';

/** The app's own data layer: callers hand it a lead, it keeps it in Postgres. */
export class LeadRepository {
  constructor(private readonly pool: Pool) {}

  async save(lead: { contactId: string; name: string; phone: string }): Promise<void> {
    // ruleid: erasure-not-handled messageId=notHandled col=11
    await this.pool.query('INSERT INTO leads (contact_id, name, phone) VALUES ($1, $2, $3)', [lead.contactId, lead.name, lead.phone]);
  }

  async count(): Promise<number> {
    // ok: erasure-not-handled
    const { rows } = await this.pool.query('SELECT count(*) AS n FROM leads');
    return Number(rows[0].n);
  }
}

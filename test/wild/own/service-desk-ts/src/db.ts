import { Pool } from 'pg';

export interface Appointment {
  conversationId: string;
  contactId: string;
  name: string;
  phone: string;
  licensePlate: string;
  slot: string;
}

export type Db = Pool;

export async function openDb(connectionString: string): Promise<Db> {
  const pool = new Pool({ connectionString, ssl: { rejectUnauthorized: false }, max: 5 });
  await pool.query('select 1');
  return pool;
}

export async function saveAppointment(db: Db, a: Appointment): Promise<void> {
  await db.query(
    'insert into appointments (conversation_id, contact_id, name, phone, plate, slot) values ($1, $2, $3, $4, $5, $6)',
    [a.conversationId, a.contactId, a.name, a.phone, a.licensePlate, a.slot],
  );
}

export async function appointmentsFor(db: Db, day: string): Promise<Appointment[]> {
  const { rows } = await db.query('select * from appointments where slot like $1', [`${day}%`]);
  return rows;
}

export async function forgetContact(db: Db, contactId: string): Promise<void> {
  await db.query('delete from appointments where contact_id = $1', [contactId]);
}

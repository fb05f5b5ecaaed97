import knex from 'knex';

export const db = knex({
  client: 'better-sqlite3',
  connection: { filename: process.env.DB_FILE ?? './financedesk.sqlite' },
  useNullAsDefault: true,
});

export async function migrate(): Promise<void> {
  if (!(await db.schema.hasTable('leads'))) {
    await db.schema.createTable('leads', (t) => {
      t.increments('id');
      t.string('contact_id').index();
      t.string('name');
      t.string('email');
      t.integer('net_income');
      t.integer('amount');
      t.timestamps(true, true);
    });
  }
  if (!(await db.schema.hasTable('deposits'))) {
    await db.schema.createTable('deposits', (t) => {
      t.increments('id');
      t.string('conversation_id');
      t.string('payment_details');
      t.timestamps(true, true);
    });
  }
}

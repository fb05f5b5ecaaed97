import knex from 'knex';

export const db = knex({
  client: 'better-sqlite3',
  connection: { filename: process.env.DB_FILE ?? './proefrit.sqlite' },
  useNullAsDefault: true,
});

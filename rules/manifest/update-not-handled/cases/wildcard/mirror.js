const ChipChat = require('chipchat');
const knex = require('knex')({ client: 'mysql2', connection: process.env.DATABASE_URL });

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('contact.*', async (payload) => {
  const contact = payload.data.contact;
  if (payload.event === 'contact.delete') return knex('contacts').where({ id: contact.id }).del();
  // ok: update-not-handled
  return knex('contacts').insert({ id: contact.id, email: contact.profile.email }).onConflict('id').merge();
});

const ChipChat = require('chipchat');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', async (message) => {
  const contact = await bot.contacts.get(message.contact);
  // ok: erasure-not-handled
  await knex('leads').insert({ email: contact.profile.email, created_at: new Date() });
});

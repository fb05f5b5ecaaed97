// A Map the module keeps is a store of its own: erasing the database on contact.delete leaves it untouched.
const ChipChat = require('chipchat');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const bot = new ChipChat({ token: process.env.TOKEN });
const lastQuestions = new Map();

bot.on('message.create.contact.chat', async (message) => {
  const contact = await bot.contacts.get(message.contact);
  // ok: erasure-not-handled
  await knex('leads').insert({ contact_id: contact.id, email: contact.profile.email });
  // ruleid: erasure-not-handled messageId=notErased col=3
  lastQuestions.set(contact.id, { text: message.text, email: contact.profile.email });
  const counts = new Map();
  // ok: erasure-not-handled
  counts.set(contact.id, { email: contact.profile.email });
});

bot.on('contact.delete', async (payload) => {
  await knex('leads').where({ contact_id: payload.data.contact.id }).del();
});

const ChipChat = require('chipchat');
const db = require('./db');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', async (message) => {
  const contact = await bot.contacts.get(message.contact);
  // ruleid: erasure-not-handled messageId=notHandled col=9
  await db.query('INSERT INTO callbacks (phone, asked_at) VALUES ($1, now())', [contact.profile.telephone]);
});

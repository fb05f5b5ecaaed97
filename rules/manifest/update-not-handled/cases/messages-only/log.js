const ChipChat = require('chipchat');
const { Pool } = require('pg');

const pool = new Pool();
const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', async (message) => {
  // ok: update-not-handled
  await pool.query('INSERT INTO questions (conversation, text) VALUES ($1, $2)', [message.conversation, message.text]);
});

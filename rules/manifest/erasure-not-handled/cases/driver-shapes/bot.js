// Stores as database drivers and small libraries write them; contact.delete erases only the audit table,
// so each store that keeps personal data gets its own finding.
const ChipChat = require('chipchat');
const Database = require('better-sqlite3');
const { Pool } = require('pg');
const { createClient } = require('redis');
const fs = require('fs');
const { JSONFilePreset } = require('lowdb/node');

const sqlite = new Database('leads.db');
const pool = new Pool();
const redis = createClient();
const csv = fs.createWriteStream('callbacks.csv', { flags: 'a' });
const insertVisit = sqlite.prepare('INSERT INTO visits (name, phone) VALUES (?, ?)');
const bot = new ChipChat({ token: process.env.TOKEN });
let db;
JSONFilePreset('db.json', { leads: [] }).then((loaded) => { db = loaded; });

bot.on('message.create.contact.chat', async (message) => {
  const contact = await bot.contacts.get(message.contact);
  const { name, telephone } = contact.profile;
  // ruleid: erasure-not-handled messageId=notErased col=3
  insertVisit.run(name, telephone);
  // ok: erasure-not-handled
  sqlite.prepare('SELECT count(*) FROM visits WHERE phone = ?').get(telephone);
  // ruleid: erasure-not-handled messageId=notErased col=9
  await pool.query({ text: 'INSERT INTO questions (email, text) VALUES ($1, $2)', values: [contact.profile.email, message.text] });
  // ruleid: erasure-not-handled messageId=notErased col=9
  await redis.lPush(`recent:${message.conversation}`, JSON.stringify({ name, text: message.text }));
  // ruleid: erasure-not-handled messageId=notErased col=3
  csv.write(`${name};${telephone}\n`);
  // ruleid: erasure-not-handled messageId=notErased col=3
  db.data.leads.push({ name, telephone });
  // ok: erasure-not-handled
  const seen = [];
  seen.push({ name, telephone });
  // ok: erasure-not-handled
  process.stdout.write(`${message.conversation}\n`);
});

bot.on('contact.delete', async (payload) => {
  await pool.query('DELETE FROM audit WHERE contact_id = $1', [payload.data.contact.id]);
});

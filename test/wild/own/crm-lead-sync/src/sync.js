'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { Web1on1Client } = require('./web1on1-client');
const { Pipedrive } = require('./pipedrive');

const STATE = path.join(__dirname, '..', 'state.json');
const CACHE = path.join(__dirname, '..', 'contacts-cache.json');

const w1 = new Web1on1Client({ token: process.env.W1_TOKEN });
const crm = new Pipedrive(process.env.PIPEDRIVE_COMPANY, process.env.PIPEDRIVE_TOKEN);

function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE, 'utf8'));
  } catch {
    return { since: new Date(0).toISOString() };
  }
}

async function syncOnce() {
  const state = readState();
  const started = new Date().toISOString();
  const contacts = await w1.contactsUpdatedSince(state.since);
  if (!contacts.length) return;

  const cache = fs.existsSync(CACHE) ? JSON.parse(fs.readFileSync(CACHE, 'utf8')) : {};
  for (const c of contacts) {
    if (!c.email) continue;
    const person = await crm.upsertPerson({ name: c.name, email: c.email, phone: c.telephone, web1on1Id: c._id });
    cache[c._id] = { name: c.name, email: c.email, phone: c.telephone, pipedriveId: person.id };
    console.log(`synced ${c.name} <${c.email}> -> pipedrive #${person.id}`);
    const [latest] = await w1.conversationsOf(c._id);
    if (latest) await w1.addNote(latest._id, `Contact gesynchroniseerd met Pipedrive (#${person.id}).`);
  }
  fs.writeFileSync(CACHE, JSON.stringify(cache, null, 2));
  fs.writeFileSync(STATE, JSON.stringify({ since: started }));
  console.log(`sync done: ${contacts.length} contacts`);
}

setInterval(() => {
  syncOnce().catch((err) => console.error('sync failed:', err.message));
}, 1000);

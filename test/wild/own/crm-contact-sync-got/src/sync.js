const db = require('./db');
const { allContacts } = require('./clients/web1on1');
const crm = require('./clients/crm');
const log = require('./log');

// Full resync: catches contacts whose webhooks we missed.
async function fullSync() {
  let n = 0;
  for await (const contact of allContacts()) {
    await db('synced_contacts')
      .insert({ contact_id: contact.id, name: contact.name, email: contact.email, phone: contact.telephone, synced_at: new Date() })
      .onConflict('contact_id')
      .merge();
    await crm.upsertPerson(contact);
    n++;
  }
  log.info('full sync done', { contacts: n });
}

// Housekeeping: forget sync rows of contacts not seen for two years.
async function prune() {
  const cutoff = new Date(Date.now() - 2 * 365 * 86400000);
  const removed = await db('synced_contacts').where('synced_at', '<', cutoff).del();
  log.info('pruned', { removed });
}

module.exports = { fullSync, prune };

const web1on1 = require('./web1on1');
const crm = require('./crm');

async function syncNewContacts(since) {
  const { data: contacts } = await web1on1.get('/v2/contacts', { params: { createdAt: { $gt: since }, limit: 50 } });
  for (const contact of contacts) {
    await crm.upsertLead({ externalId: contact.id, source: 'web1on1' });
  }
}

module.exports = { syncNewContacts };

const got = require('got');
const log = require('../log');

const CRM_BASE = `https://w1sync:${process.env.CRM_PASSWORD}@crm.dealerhub.nl/api/v3`;
log.info(`CRM endpoint: ${CRM_BASE}`);

const crm = got.extend({ prefixUrl: CRM_BASE, responseType: 'json' });

async function upsertPerson(contact) {
  try {
    await crm.put(`persons/w1-${contact.id}`, {
      json: { name: contact.name, email: contact.email, phone: contact.telephone, source: 'web1on1' },
    });
  } catch (err) {
    log.warn(`CRM rejected ${contact.email}: ${err.message}`);
  }
}

async function deletePerson(contactId) {
  await crm.delete(`persons/w1-${contactId}`);
}

module.exports = { upsertPerson, deletePerson };

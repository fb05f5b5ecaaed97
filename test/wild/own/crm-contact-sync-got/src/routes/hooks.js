const express = require('express');
const verifyWeb1on1 = require('../middleware/verifyWeb1on1');
const db = require('../db');
const crm = require('../clients/crm');
const log = require('../log');

const router = express.Router();

router.post('/web1on1', verifyWeb1on1, async (req, res) => {
  const { event, data } = req.body;
  const contact = data && data.contact;
  if (!contact) return res.sendStatus(204);

  if (event === 'contact.delete') {
    await db('synced_contacts').where({ contact_id: contact.id }).del();
    await crm.deletePerson(contact.id);
    log.info('contact removed', { contactId: contact.id });
  } else if (event === 'contact.update' || event === 'contact.create') {
    await db('synced_contacts')
      .insert({ contact_id: contact.id, name: contact.name, email: contact.email, phone: contact.telephone, synced_at: new Date() })
      .onConflict('contact_id')
      .merge();
    await crm.upsertPerson(contact);
  }
  return res.sendStatus(204);
});

module.exports = router;

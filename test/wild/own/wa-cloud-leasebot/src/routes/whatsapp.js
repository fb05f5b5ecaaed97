const express = require('express');
const config = require('../config');
const w1 = require('../services/web1on1');
const profiles = require('../services/profiles');
const { handleLease } = require('../flows/lease');

const router = express.Router();

// Meta's subscription handshake
router.get('/webhook', (req, res) => {
  if (req.query['hub.mode'] === 'subscribe' && req.query['hub.verify_token'] === config.whatsapp.verifyToken) {
    return res.send(req.query['hub.challenge']);
  }
  return res.sendStatus(403);
});

router.post('/webhook', async (req, res) => {
  res.sendStatus(200);
  const change = req.body.entry?.[0]?.changes?.[0]?.value;
  const msg = change?.messages?.[0];
  if (!msg || msg.type !== 'text') return;

  const waId = msg.from;
  const name = change.contacts?.[0]?.profile?.name ?? waId;
  try {
    let profile = await profiles.lookup(waId);
    if (!profile) {
      const contact = await w1.findOrCreateContact(waId, name);
      const conversation = await w1.openConversation(contact);
      profile = { name, contactId: contact.id, conversationId: conversation.id };
    }
    await profiles.remember(waId, profile);
    await w1.postFromConsumer(profile.conversationId, msg.text.body);
    if (/lease/i.test(msg.text.body)) {
      await handleLease({ conversationId: profile.conversationId, text: msg.text.body, name, phone: `+${waId}` });
    }
  } catch (err) {
    console.error('whatsapp inbound failed:', err.message);
  }
});

module.exports = router;

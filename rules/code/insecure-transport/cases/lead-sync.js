// Syncs leads between Web1on1 and the dealer's CRM, and takes payments for workshop deposits.
const ChipChat = require('chipchat');
const axios = require('axios');
const http = require('http');

const bot = new ChipChat({
  token: process.env.TOKEN,
  // ruleid: insecure-transport messageId=insecure col=9
  host: 'http://api.web1on1.chat',
});

// ruleid: insecure-transport messageId=insecure col=21
const CRM_API_URL = 'http://crm.autodealer-sync.nl/api/v3';

const dms = axios.create({
  // ruleid: insecure-transport messageId=insecure col=35
  baseURL: process.env.DMS_URL || 'http://dms.autodealer-sync.nl/api',
});

async function pushLead(lead) {
  await axios.post(`${CRM_API_URL}/leads`, lead, { headers: { Authorization: `Bearer ${process.env.CRM_TOKEN}` } });
  // ruleid: insecure-transport messageId=insecure col=20
  await axios.post('http://93.184.12.40/hooks/lead', lead);
  return dms.get(`/vehicles/${lead.kenteken}`);
}

async function registerWebhook(organization) {
  return bot.services.create({
    organization,
    type: 'webhook',
    webhook: {
      // ruleid: insecure-transport messageId=insecure col=12
      url: 'http://bots.autodealer-sync.nl/web1on1',
      events: ['message.create.contact.chat'],
    },
  });
}

function depositPayment(amount, conversationId) {
  return {
    amount,
    description: 'Aanbetaling werkplaats',
    // ruleid: insecure-transport messageId=insecure col=18
    redirectUrl: 'http://afspraak.autodealer-sync.nl/bedankt',
    // ruleid: insecure-transport messageId=insecure col=17
    webhookUrl: `http://afspraak.autodealer-sync.nl/payments/${conversationId}`,
  };
}

function legacyStock(dealerId) {
  // ruleid: insecure-transport messageId=insecure col=3
  http.get({ hostname: 'voorraad.autodealer-sync.nl', path: `/dealer/${dealerId}` }, (res) => res.resume());
}

async function contactCount() {
  // ruleid: insecure-transport messageId=insecure col=27
  const res = await fetch('http://api.web1on1.chat/v2/contacts?limit=1', { headers: { Authorization: `Bearer ${process.env.TOKEN}` } });
  return res.headers.get('x-total-count');
}

module.exports = { pushLead, registerWebhook, depositPayment, legacyStock, contactCount };

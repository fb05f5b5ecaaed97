const axios = require('axios');

const api = axios.create({ baseURL: 'https://api.web1on1.chat', headers: { Authorization: `Bearer ${process.env.TOKEN}` } });

async function dumpContacts() {
  // ruleid: bulk-data-read
  const { data } = await api.get('/v2/contacts');
  return data;
}

async function dumpUsers() {
  // ruleid: bulk-data-read
  const res = await fetch('https://api.web1on1.chat/v2/users?sort=-createdAt', { headers: { Authorization: `Bearer ${process.env.TOKEN}` } });
  return res.json();
}

async function conversationMessages(id) {
  // ok: bulk-data-read
  const { data } = await api.get(`/v2/conversations/${id}/messages`);
  return data;
}

async function todaysContacts(since) {
  // ok: bulk-data-read
  const { data } = await api.get('/v2/contacts', { params: { createdAt: { $gt: since }, limit: 100 } });
  return data;
}

async function openConversations() {
  // ok: bulk-data-read
  const { data } = await api.get('/v2/conversations?status=open&limit=50');
  return data;
}

async function oneContact(id) {
  // ok: bulk-data-read
  const { data } = await api.get(`/v2/contacts/${id}`);
  return data;
}

async function partnerSite() {
  // ok: bulk-data-read
  const { data } = await axios.get('https://dealer-portal.acme-dealertools.nl/v2/contacts');
  return data;
}

module.exports = { dumpContacts, dumpUsers, conversationMessages, todaysContacts, openConversations, oneContact, partnerSite };

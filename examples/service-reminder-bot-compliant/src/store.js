'use strict';

const redis = require('redis');

const client = redis.createClient({ url: process.env.REDIS_URL });
const RETENTION_SECONDS = 90 * 24 * 60 * 60;

async function saveBooking(contact, request) {
  await client.set(`booking:${contact.id}`, JSON.stringify({ name: contact.profile.name, phone: contact.profile.telephone, request }), { EX: RETENTION_SECONDS });
}

async function forgetContact(contactId) {
  await client.del(`booking:${contactId}`);
}

async function updateContact(contact) {
  const raw = await client.get(`booking:${contact.id}`);
  if (!raw) return;
  const booking = JSON.parse(raw);
  await client.set(`booking:${contact.id}`, JSON.stringify({ ...booking, name: contact.profile.name, phone: contact.profile.telephone }), { EX: RETENTION_SECONDS });
}

module.exports = { saveBooking, forgetContact, updateContact };

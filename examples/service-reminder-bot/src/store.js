'use strict';

const redis = require('redis');

const client = redis.createClient({ url: process.env.REDIS_URL });

async function saveBooking(contact, request) {
  await client.set(`booking:${contact.id}`, JSON.stringify({ name: contact.profile.name, phone: contact.profile.telephone, request }));
}

module.exports = { saveBooking };

const ChipChat = require('chipchat');
const config = require('../config');

const bot = new ChipChat({ token: config.web1on1.token, secret: config.web1on1.secret });

async function findOrCreateContact(waId, name) {
  const existing = await bot.contacts.list({ 'profile.whatsapp': waId, limit: 1 });
  if (existing.length) return existing[0];
  return bot.contacts.create({ name, telephone: `+${waId}`, profile: { whatsapp: waId }, organization: config.web1on1.organization });
}

async function openConversation(contact) {
  return bot.conversations.create({ contact: contact.id, organization: config.web1on1.organization, channel: { type: 'whatsapp' } });
}

function postFromConsumer(conversationId, text) {
  return bot.send(conversationId, { type: 'chat', role: 'contact', text });
}

// Quick answers go out under the name of the sales advisor, customers respond better to a person.
function replyAsAdvisor(conversationId, text) {
  return bot.send(conversationId, { type: 'chat', role: 'agent', user: config.web1on1.salesUserId, text });
}

module.exports = { bot, findOrCreateContact, openConversation, postFromConsumer, replyAsAdvisor };

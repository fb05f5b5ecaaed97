// A WhatsApp bridge: a helper posts what the consumer wrote on WhatsApp into the conversation, as the contact.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

function postFromConsumer(conversationId, text) {
  // ok: impersonation
  return bot.send(conversationId, { type: 'chat', role: 'contact', text });
}

function postAsCustomer(conversationId, text) {
  // ruleid: impersonation
  return bot.send(conversationId, { type: 'chat', role: 'contact', text });
}

async function onFollowUp(conversationId) {
  // the app writes these words itself: the helper puts them in the consumer's mouth
  await postAsCustomer(conversationId, 'Ik wil graag een proefrit maken!');
}

module.exports = { postFromConsumer, onFollowUp };

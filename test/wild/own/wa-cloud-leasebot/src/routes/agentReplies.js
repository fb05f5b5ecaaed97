const { bot } = require('../services/web1on1');
const profiles = require('../services/profiles');
const { sendText } = require('../services/whatsapp');

// Agent messages in Web1on1 go out to the consumer's WhatsApp.
bot.on('message.create.agent.chat', async (message) => {
  const waId = await profiles.byConversation(message.conversation);
  if (waId) await sendText(waId, message.text);
});

module.exports = bot.router();

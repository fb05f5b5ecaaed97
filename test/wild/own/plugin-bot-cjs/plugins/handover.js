'use strict';

// "mens" / "human" -> hand the conversation to the sales team and step out
module.exports = (bot) => {
  bot.onText(/\b(mens|medewerker|human|agent)\b/i, async (message, conversation) => {
    await conversation.say('Ik zet je door naar een collega van verkoop.');
    await conversation.say({ text: '/notify sales', type: 'command' });
    await conversation.leave();
  });
};

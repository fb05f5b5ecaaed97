'use strict';

module.exports = (bot) => {
  bot.onText(/^(faq|vraag)\s+(.+)/i, async (message, conversation) => {
    const q = message.text.replace(/^(faq|vraag)\s+/i, '');
    const items = await bot.kbitems.list({ q, limit: 1 });
    if (items.length) await conversation.say(items[0].answer || items[0].text);
    else await conversation.say('Daar heb ik geen antwoord op, een collega helpt je zo.');
  });
};

module.exports = (bot) => {
  bot.on('message.create.contact.chat', async (message, conversation) => {
    const items = await bot.kbitems.list({ q: message.text });
    if (items.length) await conversation.say({ text: items[0].answer, role: 'agent' });
  });
};

module.exports = (bot) => {
  bot.on('message.create.contact.chat', async (message, conversation) => {
    if (/verkoper|sales/i.test(message.text)) {
      await conversation.say({ text: 'Ik zet je door naar verkoop.', role: 'agent' });
      await conversation.leave();
    }
  });
};

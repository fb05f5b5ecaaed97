module.exports = (bot) => {
  bot.on('message.create.contact.chat', (message, conversation) => {
    conversation.say({ text: 'Welcome to Autohuis Vermeer! How can we help?', role: 'agent' });
  });
};

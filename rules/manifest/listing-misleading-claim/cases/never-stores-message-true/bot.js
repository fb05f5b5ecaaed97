// Answers from a fixed list and keeps nothing: its promise is true.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', (message, conversation) => {
  conversation.say('Wij slaan geen persoonsgegevens op: dit gesprek blijft bij de dealer.');
});

const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', (message, conversation) => {
  conversation.say({ text: 'Which part number are you looking for?', role: 'agent' });
});

bot.start();

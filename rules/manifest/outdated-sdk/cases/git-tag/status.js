const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', (message, conversation) => {
  conversation.say({ text: 'Your car is in the workshop; we will message you when it is ready.', role: 'agent' });
});

bot.start();

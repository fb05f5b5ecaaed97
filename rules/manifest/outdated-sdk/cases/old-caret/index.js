const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', (message, conversation) => {
  conversation.say({ text: 'Send us your licence plate and mileage for a trade-in estimate.', role: 'agent' });
});

bot.start();

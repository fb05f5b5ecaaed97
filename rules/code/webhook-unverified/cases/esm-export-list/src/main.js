import { bot, greeting } from './bot.js';

bot.on('message.create.contact.chat', (message, conversation) => conversation.say({ text: greeting, role: 'agent' }));

// ruleid: webhook-unverified messageId=sdkServer col=1
bot.start();

'use strict';

const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', (message, conversation) => {
  conversation.say({ text: 'Thanks! A sales advisor will reply within the hour.', role: 'agent' });
});

bot.on('notify', (msg, ctx) => ctx.accept());

// ruleid: webhook-unverified messageId=sdkServer col=1
bot.start(process.env.PORT);

// a chain of handlers ending in start(): the finding is on start(), not on the chain's first line
bot
  .on('message.create.contact.command', (message, conversation) => conversation.say({ text: 'Command received.', role: 'agent' }))
  // ruleid: webhook-unverified messageId=sdkServer col=4
  .start();

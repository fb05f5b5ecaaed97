const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

const HOURS = 'Showroom: Mon–Fri 9:00–18:00, Sat 10:00–16:00. Workshop: Mon–Fri 7:30–17:00.';

// ruleid: scope-missing messageId=missing col=1
bot.on('message.create.contact.chat', (message, conversation) => {
  if (/hours|open|openingstijden/i.test(message.text)) {
    // ruleid: scope-missing messageId=missing col=5
    conversation.say({ text: HOURS, role: 'agent' });
  }
});

bot.start();

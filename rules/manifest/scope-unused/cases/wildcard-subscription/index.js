const ChipChat = require('chipchat');
const { appendAuditEntry } = require('./audit');

const bot = new ChipChat({ token: process.env.W1O1_TOKEN });

// Every webhook event goes to the dealer's audit trail: which events arrive depends on the dealer's setup.
bot.onAny((event, payload) => {
  appendAuditEntry(event, payload && payload.data ? payload.data.id : undefined);
});

bot.on('message.create.contact.chat', (message, conversation) => {
  if (/opening hours/i.test(message.text)) {
    conversation.say({ text: 'We are open Monday to Saturday, 8:00 to 17:30.', role: 'agent' });
  }
});

bot.start();

const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

// ruleid: brand-name-in-messages messageId=misspelled col=45
const WELCOME = 'Welcome! This chat runs on Web1On1, reply STOP to opt out.';

bot.on('message.create.contact.chat', (message, conversation) => {
  if (/hello|hoi/i.test(message.text)) {
    return conversation.say(WELCOME);
  }
  // ruleid: brand-name-in-messages messageId=misspelled col=60
  conversation.say({ text: 'Je gesprek is overgedragen via Web 1on1 aan de werkplaats.', role: 'agent' });
});

bot.on('conversation.create', (payload, conversation) => {
  conversation.say([
    // ruleid: brand-name-in-messages messageId=misspelled col=14
    { text: 'web1on1 keeps this conversation for 30 days.', role: 'agent' },
    // ok: brand-name-in-messages
    { text: 'Read https://www.web1on1.chat/privacy or mail care@web1on1.chat', role: 'agent' },
    // ok: brand-name-in-messages
    { text: 'Powered by Web1on1.', role: 'agent' },
  ]);
  // ok: brand-name-in-messages
  conversation.say({ text: 'Plan a one-on-one web demo with our team', isBackchannel: true });
});

bot.start();

const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

// ok: scope-missing
bot.on('message.create.contact.chat', async (message, conversation) => {
  if (!/test ?drive|proefrit/i.test(message.text)) return;
  // ruleid: scope-missing messageId=missing col=27
  const [contact] = await bot.contacts.list({ conversation: conversation.id, limit: 1 });
  // ruleid: scope-missing messageId=missing col=9
  await conversation.say({ text: `Hi ${contact.givenName}, which model would you like to drive?`, role: 'agent' });
  // ruleid: scope-missing messageId=missing col=9
  await bot.send(conversation.id, { text: '/notify #sales test drive request', type: 'command' });
});

bot.on('message.create.contact.postback', async (message, conversation) => {
  // ruleid: scope-missing messageId=missing col=25
  const contact = await bot.contacts.get(conversation.contact);
  // an answer in the conversation of a contact message reaches the consumer, role or not
  // ruleid: scope-missing messageId=missing col=3
  conversation.say(`Booked: ${message.text} for ${contact.name}`);
});

bot.start();

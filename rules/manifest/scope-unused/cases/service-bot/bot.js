const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

// The customer answers a reminder: look the contact up and confirm the slot.
bot.on('message.create.contact.chat', async (message, conversation) => {
  const [contact] = await bot.contacts.list({ conversation: conversation.id, limit: 1 });
  await conversation.accept();
  await conversation.say({ text: `Thanks ${contact ? contact.name : ''}, see you at the workshop!`, role: 'agent' });
});

bot.start();

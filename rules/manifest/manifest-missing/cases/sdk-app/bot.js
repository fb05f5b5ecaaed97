const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.postback', async (message, conversation) => {
  const contact = await bot.contacts.get(conversation.contact);
  await conversation.say({ text: `Booked for ${message.text}, ${contact.givenName}. See you then!`, role: 'agent' });
});

bot.start();

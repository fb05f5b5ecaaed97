const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

// `/card` in the backchannel shows the agent the contact's details.
bot.on('message.create.agent.command', async (message, conversation) => {
  if (message.text !== '/card') return;
  const contact = await bot.contacts.get(conversation.contact);
  await conversation.say({ text: `${contact.name} · ${contact.email || 'no e-mail'}`, isBackchannel: true });
});

bot.start();

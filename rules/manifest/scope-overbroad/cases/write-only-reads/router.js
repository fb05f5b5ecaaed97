const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

// New lead: find an available sales agent and tell the team in the backchannel.
bot.on('conversation.create', async (payload) => {
  const conversation = payload.data.conversation;
  const contact = await bot.contacts.get(conversation.contact);
  const agents = await bot.users.list({ role: 'agent', status: 'online', limit: 10 });
  const agent = agents.find((a) => a.skills && a.skills.includes(contact.meta && contact.meta.brand));
  await bot.send(conversation.id, {
    text: agent ? `Suggested agent: ${agent.displayName}` : 'No sales agent online for this brand',
    isBackchannel: true,
  });
});

bot.start();

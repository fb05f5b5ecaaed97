const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.ADMIN_TOKEN });

// HR system webhook: a new salesperson starts; give them the agent role and a welcome note.
async function onboard(employee) {
  const [user] = await bot.users.list({ email: employee.email, limit: 1 });
  await bot.users.update(user.id, { role: 'agent', meta: { dealerLocation: employee.location } });
  await bot.contacts.update(employee.contactId, { meta: { onboarded: true } });
}

// Answers whoever asks in a conversation; Policy Lens cannot tell whether that is a consumer.
bot.on('message.create.*.chat', (message, conversation) => {
  if (message.text === '/whoami') conversation.say(`You are talking to ${bot.auth.user}`);
});

module.exports = { onboard };

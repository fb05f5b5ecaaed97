const ChipChat = require('chipchat');
const loadModules = require('@garage/bot-modules');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN, secret: process.env.CHIPCHAT_SECRET });

bot.on('message.create.contact.chat', async (message, conversation) => {
  await conversation.say({ text: 'Thanks! A colleague will get back to you shortly.', role: 'agent' });
});

// The dealer's modules get the bot: what they call with it is out of Policy Lens's sight.
loadModules(bot, ['test-drive', 'trade-in']);

bot.start();

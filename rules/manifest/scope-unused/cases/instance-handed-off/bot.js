const ChipChat = require('chipchat');
const plugins = require('dealer-bot-plugins');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

bot.on('message.create.contact.chat', async (message, conversation) => {
  await conversation.say({ text: 'Thanks, a colleague will call you back.', role: 'agent' });
});

// What the plugins do with the instance is out of sight: their scopes cannot be called unused.
plugins.install(bot);

bot.start();

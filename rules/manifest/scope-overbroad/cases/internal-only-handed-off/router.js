const ChipChat = require('chipchat');
const plugins = require('dealer-bot-plugins');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

// New lead: tell the team in the backchannel (an internal message: messages:write would do for this).
bot.on('conversation.create', async (payload) => {
  await bot.send(payload.data.conversation.id, { text: 'New lead', isBackchannel: true });
});

// The plugins get the bot and may message the consumer: "the code only posts internal messages" cannot be said.
plugins.install(bot);

bot.start();

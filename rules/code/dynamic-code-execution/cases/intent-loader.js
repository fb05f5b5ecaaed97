const path = require('path');
const ChipChat = require('chipchat');
const config = require('./config.json');

const bot = new ChipChat({ token: process.env.TOKEN });

// ok: dynamic-code-execution
for (const name of ['greeting', 'opening-hours', 'trade-in']) bot.module(require(path.join(__dirname, 'intents', name)));

function loadIntent(intent) {
  // ok: dynamic-code-execution
  return require(`./intents/${intent}`);
}

for (const plugin of config.plugins) {
  // ok: dynamic-code-execution -- plugin loading from the app's own config (rules.md: only network input is the signal)
  bot.module(require(plugin));
}

bot.on('message.create.agent.command', async (msg, ctx) => {
  // ruleid: dynamic-code-execution messageId=network col=25
  const handler = await import(msg.text.slice(1));
  handler.default(ctx);
});

// ok: dynamic-code-execution
const version = require('./package.json').version;

module.exports = { loadIntent, version };

function dealerConfig(dir) {
  // ok: dynamic-code-execution
  return require(path.resolve(dir, 'dealer.json'));
}
module.exports.dealerConfig = dealerConfig;

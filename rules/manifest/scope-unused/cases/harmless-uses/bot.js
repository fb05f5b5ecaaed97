const assert = require('assert');
const pino = require('pino');
const ChipChat = require('chipchat');

const logger = pino();
const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

// None of these hand the instance to code that could use a scope: contacts:delete is still never used.
assert.ok(bot, 'the SDK instance is created');
logger.info({ bot }, 'bot created');
console.debug(JSON.stringify(bot));
process.once('SIGINT', bot.stop.bind(bot));
bot.on('message.create.contact.chat', (message) => logger.info({ id: message.id }, 'message'));

bot.start();

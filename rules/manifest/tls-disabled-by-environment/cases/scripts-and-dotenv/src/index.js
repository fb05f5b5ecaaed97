const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });
bot.on('ready', () => console.log('bridge ready'));
module.exports = bot;

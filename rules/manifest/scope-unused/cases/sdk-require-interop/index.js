const bot = new (require('chipchat'))({ token: process.env.TOKEN });
const chipchat = require('chipchat').default || require('chipchat');
const b2 = new chipchat({ token: 'x' });
bot.contacts.list();
b2.conversations.get('1');

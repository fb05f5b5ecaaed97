import ChipChat = require('chipchat');
import Default from 'chipchat';
const Ctor: typeof Default = (Default as any).default ?? Default;
const bot = new ChipChat({ token: process.env.TOKEN });
const b2 = new Ctor({ token: process.env.TOKEN });
bot.contacts.list();
b2.conversations.list();

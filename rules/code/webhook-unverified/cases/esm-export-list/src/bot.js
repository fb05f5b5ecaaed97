import ChipChat from 'chipchat';

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });
const greeting = 'Welkom bij Autohuis Vermeer';

// an export list, not `export const`: the instance is still what other modules import
export { bot, greeting };

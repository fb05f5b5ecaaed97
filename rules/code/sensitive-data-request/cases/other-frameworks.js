// Answers on other bot frameworks: Telegraf's ctx.reply, discord.js/whatsapp-web.js message.reply, Slack Bolt's say.
const { Telegraf } = require('telegraf');
const { App } = require('@slack/bolt');

const telegram = new Telegraf(process.env.TELEGRAM_TOKEN);
const slack = new App({ token: process.env.SLACK_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET });

telegram.command('reserve', (ctx) => {
  // ruleid: sensitive-data-request
  ctx.reply('Send us your card number and the CVC to reserve the car.');
  // ok: sensitive-data-request
  ctx.replyWithMarkdown('*Never* share your card number in a chat: pay through the link we send you.');
});

slack.message('login', async ({ message, say }) => {
  // ruleid: sensitive-data-request
  await say({ text: 'What is your password? I will reset the dealer portal for you.' });
  // ok: sensitive-data-request
  await say('Forgot your password? Reset it on the dealer portal.');
});

function onDiscordMessage(message) {
  // ruleid: sensitive-data-request
  if (message.content === '!pin') message.reply({ content: 'Wat is je pincode? Dan zet ik de betaling klaar.' });
}

// a local helper named like a reply is not a send by itself: what it does with the text decides
function say(text) {
  return text.toUpperCase();
}
// ok: sensitive-data-request
console.log(say('What is your password?'));

module.exports = { onDiscordMessage };

'use strict';

const ChipChat = require('chipchat');
const config = require('./config');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('ready', (user) => {
  // ok: personal-data-logged
  console.log('ready', user);
});

bot.on('error', (err) => {
  // ok: personal-data-logged
  console.log('err', err);
});

bot.on('message', (payload, ctx) => {
  // ruleid: personal-data-logged messageId=logged col=29
  console.log('on.message', payload.text);
  // ok: personal-data-logged
  console.log('conversation', payload.conversation, 'type', payload.type);
  ctx.say('Pong');
});

// notify carries /assign commands and @mentions from the dealer's staff
bot.on('notify', (m, c) => {
  // ok: personal-data-logged
  console.log('notify', c.id, JSON.stringify(m));
  c.leave();
});

bot.contacts.list({ limit: 5, sort: '-createdAt' })
  .then((contacts) => {
    // ok: personal-data-logged
    console.log(`${contacts.length} contacts returned`);
    return contacts[0] ? bot.contacts.get(contacts[0].id) : null;
  })
  .then((contact) => {
    // ruleid: personal-data-logged messageId=logged col=28
    console.log('contact', contact);
    // ok: personal-data-logged
    console.log('contact id', contact.id);
  })
  // ok: personal-data-logged
  .catch((err) => console.error(err));

async function notifyLead(lead) {
  try {
    await sendMail(lead);
  } catch (e) {
    // ruleid: personal-data-logged messageId=logged col=19
    console.error(`Could not mail ${lead.email}:`, e.message);
    // ok: personal-data-logged
    console.warn('Mail sender is', config.email, process.env.SMTP_FROM);
  }
}

const log = console.log.bind(console);
bot.on('contact.update', (payload) => {
  // ruleid: personal-data-logged messageId=logged col=18
  log('updated', payload.data.contact.profile);
});

async function sendMail() {}
module.exports = { notifyLead };

// a staff member's postback and a system command are not a consumer's words
bot.on('message.create.agent.postback.agent', (message, conversation) => {
  // ok: personal-data-logged
  console.log('Processing message ', message.text);
  conversation.say('Next video');
});

bot.on('assign', async (m, c) => {
  // ok: personal-data-logged
  console.log('', m.text);
  c.say('Hello agent');
});

bot.on('message.create.contact.chat', (message) => {
  // ruleid: personal-data-logged messageId=logged col=16
  console.info(`[${message.conversation}] ${message.text}`);
});

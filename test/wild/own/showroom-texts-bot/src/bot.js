'use strict';

const fs = require('node:fs');
const ChipChat = require('chipchat');
const texts = require('./texts');

const LEADS = process.env.LEADS_FILE || 'leads.csv';

const bot = new ChipChat({
  token: process.env.TOKEN,
  secret: process.env.WEBHOOK_SECRET,
});

function t(conversation) {
  const lang = String((conversation.meta && conversation.meta.locale) || 'nl').slice(0, 2);
  return texts[lang] || texts.nl;
}

function say(conversation, text) {
  return conversation.say({ text, role: 'agent' });
}

bot.on('notify', (message, conversation) => conversation.accept());

bot.on('message.create.contact.chat', async (message, conversation) => {
  const tx = t(conversation);
  const text = String(message.text || '').toLowerCase();

  if (/inruil|trade.?in/.test(text)) {
    await say(conversation, tx.welcome);
    await say(conversation, tx.privacy);
    conversation.ask({ text: tx.askName, role: 'agent' }, (nameMsg) => {
      const name = nameMsg.text.trim();
      conversation.ask({ text: tx.askPlate, role: 'agent' }, (plateMsg) => {
        conversation.ask({ text: tx.askPhone, role: 'agent' }, async (phoneMsg) => {
          fs.appendFileSync(LEADS, `${new Date().toISOString()};${name};${phoneMsg.text.trim()};${plateMsg.text.trim()}\n`);
          await conversation.set('lead', 'trade-in');
          await say(conversation, tx.thanks(name));
        });
      });
    });
    return;
  }

  if (/dossier|account|my jansen|mijn jansen/.test(text)) {
    await say(conversation, tx.safety);
    return say(conversation, tx.askLogin);
  }

  if (/aanbetal|deposit/.test(text)) return say(conversation, tx.deposit);

  return say(conversation, tx.confused);
});

bot.start();

'use strict';

const fetch = require('node-fetch');
const redis = require('../lib/redis');

const QUESTION = 'Hoe tevreden ben je over ons contact? Geef een cijfer van 1 tot 10. Was de service klote? Zeg het eerlijk!';

async function subscribeNewsletter(email, name) {
  await fetch(`https://us21.api.mailchimp.com/3.0/lists/${process.env.MC_LIST}/members`, {
    method: 'POST',
    headers: { Authorization: `apikey ${process.env.MC_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email_address: email, status: 'subscribed', merge_fields: { FNAME: name } }),
  });
}

module.exports = (bot) => {
  bot.onText(/^(bedankt|dank je|thanks)/i, async (message, conversation) => {
    const contact = await bot.contacts.get(message.contact);
    conversation.ask(QUESTION, async (answer) => {
      const score = parseInt(answer.text, 10);
      if (Number.isNaN(score)) return conversation.say('Een cijfer van 1 tot 10 graag!');
      await redis.hmset(`nps:${conversation.id}`, 'score', score, 'email', contact.email || '', 'name', contact.name || '');
      if (contact.email && score >= 8) await subscribeNewsletter(contact.email, contact.name);
      return conversation.say('Dank je wel voor je cijfer!');
    });
  });
};

'use strict';

const ChipChat = require('chipchat');
const axios = require('axios');
const got = require('got');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });
const HUBSPOT = 'https://api.hubapi.com/crm/v3/objects/contacts';

bot.on('message.create.contact.chat', async (message, ctx) => {
  const contact = await bot.contacts.get(message.contact);
  const { email, telephone } = contact.profile;

  // ruleid: personal-data-to-third-party messageId=undeclared col=9
  await axios.post(HUBSPOT, {
    properties: { email, phone: telephone, firstname: contact.profile.givenName },
  }, { headers: { Authorization: `Bearer ${process.env.HUBSPOT_TOKEN}` } });

  // ruleid: personal-data-to-third-party messageId=undeclared col=24
  const answer = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: message.text }] }),
  }).then((r) => r.json());

  // ruleid: personal-data-to-third-party messageId=undeclared col=23
  const check = await axios.get(`https://api.hunter.io/v2/email-verifier?email=${encodeURIComponent(email)}`);

  // ruleid: personal-data-to-third-party messageId=undeclared col=9
  await axios.get('https://api.hunter.io/v2/email-finder', { params: { full_name: contact.profile.name, email: contact.profile.email } });

  // ok: personal-data-to-third-party
  await axios.post('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json', new URLSearchParams({ To: telephone, Body: 'Uw afspraak staat vast' }));

  // ok: personal-data-to-third-party
  await got.post('https://crm.acme-dealertools.nl/api/leads', { json: { email, telephone } });

  // ok: personal-data-to-third-party
  await axios.post('https://api.web1on1.chat/v2/messages', { conversation: message.conversation, text: `Bedankt ${contact.profile.givenName}!`, role: 'bot' });

  // ok: personal-data-to-third-party
  await axios.post(process.env.DEALER_WEBHOOK_URL, { email, telephone });

  // ok: personal-data-to-third-party
  await fetch('http://localhost:9229/debug', { method: 'POST', body: JSON.stringify(contact) });

  // ok: personal-data-to-third-party
  await axios.post('https://hooks.slack.com/services/T0001/B0001/abc', { text: `New lead in conversation ${message.conversation} (${contacts.length} today)` });

  // ok: personal-data-to-third-party
  const weather = await axios.get('https://api.openweathermap.org/data/2.5/weather', { params: { q: 'Amsterdam', appid: process.env.OWM_KEY } });

  await ctx.say(answer.choices[0].message.content + (check.data.status === 'valid' ? '' : ' ') + weather.data.name);
});

const contacts = [];
bot.start();

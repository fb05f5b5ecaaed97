// A bot without a web1on1-app.json: the same errors as with one, and no manifest to fix yet.
const ChipChat = require('chipchat');
const axios = require('axios');

const bot = new ChipChat({ token: process.env.TOKEN });
const ZAP = 'https://hooks.zapier.com/hooks/catch/123456/abcdef/';

bot.on('contact.create', async (payload) => {
  const lead = payload.data.contact;
  // ruleid: personal-data-to-third-party messageId=noManifest col=9
  await axios.post(ZAP, { name: lead.profile.name, phone: lead.profile.telephone, source: 'web1on1' });
});

bot.on('message.create.contact.chat', async (message, ctx) => {
  // ruleid: personal-data-to-third-party messageId=noManifest col=26
  const { data } = await axios.post('https://translation.googleapis.com/language/translate/v2', { q: message.text, target: 'nl' });

  // ok: personal-data-to-third-party
  await axios.post('https://api.sendgrid.com/v3/mail/send', {
    from: { email: 'noreply@acme-dealertools.nl' },
    personalizations: [{ to: [{ email: process.env.DEALER_INBOX }] }],
    subject: 'New chat',
    content: [{ type: 'text/plain', value: `Conversation ${message.conversation} has a new message` }],
  }, { headers: { Authorization: `Bearer ${process.env.SENDGRID_KEY}` } });

  // ok: personal-data-to-third-party
  await axios.get('https://api.example.com/lookup', { params: { email: message.text } });

  await ctx.say(data.data.translations[0].translatedText);
});

bot.start();

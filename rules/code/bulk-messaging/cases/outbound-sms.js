// Modelled on chipchat's examples/outboundsms.js: invites a list of people by SMS.
const Api = require('chipchat');

const bot = new Api({ token: process.env.TOKEN });
const countrycode = '+31';
const welcomeMessage = 'Hoi, het is weer tijd voor een afspraak...';

const users = [
  { telephone: '+31600000000', givenName: 'Test', familyName: 'Klant' },
];

const sendInvitePerSMS = async (organization, ctx) => {
  for await (const user of users) {
    let phone = user.telephone;
    if (phone.toString().trim().length === 9) phone = countrycode + phone;
    const messages = [
      { text: '/accept', type: 'command' },
      { text: welcomeMessage, role: 'agent', touchpoint: 'sms' },
      { text: 'Klik op de link om een afspraak te plannen:', role: 'agent', touchpoint: 'sms', delay: 10000 },
      { text: '/leave', type: 'command', delay: 11000 },
    ];
    await bot.contacts.list({ 'profile.telephone': phone, organization }).then(async (contacts) => {
      if (contacts.length > 0) {
        await bot.conversation(contacts[0].conversation).then((conv) => {
          messages.forEach(async (msg) => {
            // ruleid: bulk-messaging messageId=bulk col=19
            await conv.say(msg);
          });
        });
      } else {
        const profile = { ...user, telephone: phone };
        const conv = { organization, type: 'contact', contact: { profile }, messages };
        // ok: bulk-messaging
        await bot.conversations.create(conv).catch(async (e) => {
          // ok: bulk-messaging
          await ctx.say({ text: `Versturen naar ${phone} mislukt: ${e.message}`, isBackchannel: true });
        });
      }
    });
  }
};

bot.on('message.create.system.command', { text: '>smsbot' }, async (m, c) => {
  await sendInvitePerSMS(m.organization, c);
  // ok: bulk-messaging
  await c.say({ text: 'Verstuurd!', isBackchannel: true });
});

exports.cloudfunction = bot.router({ async: true });

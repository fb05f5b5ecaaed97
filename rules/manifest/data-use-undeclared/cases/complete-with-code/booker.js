const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });

bot.on('message.create.contact.chat', async (message, ctx) => {
  const contact = await bot.contacts.get(message.contact);
  if (/proefrit|test ?drive/i.test(message.text)) {
    await ctx.say({ text: `Hoi ${contact.profile.givenName}, wanneer wilt u langskomen?`, role: 'agent', actions: [{ type: 'reply', text: 'Zaterdag' }] });
  }
});

bot.start();

const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

// ok: scope-missing
bot.on('contact.create', async (payload) => {
  const plate = payload.data.contact.meta && payload.data.contact.meta.licensePlate;
  if (!plate) return;
  // ok: scope-missing
  await bot.contacts.update(payload.data.contact.id, { meta: { plateChecked: true } });
});

bot.start();

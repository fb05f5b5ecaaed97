const ChipChat = require('chipchat');
const fs = require('fs/promises');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('contact.create', async (payload) => {
  const contact = payload.data.contact;
  // ok: update-not-handled
  await fs.writeFile(`data/${contact.id}.json`, JSON.stringify(contact));
});

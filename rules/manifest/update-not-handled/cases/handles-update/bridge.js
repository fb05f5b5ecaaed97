const ChipChat = require('chipchat');
const { Customer } = require('./models');

const bot = new ChipChat({ token: process.env.TOKEN });

async function upsertCustomer(payload) {
  const contact = payload.data.contact;
  // ok: update-not-handled
  await Customer.findOneAndUpdate({ contactId: contact.id }, { email: contact.profile.email }, { upsert: true });
}

bot.on(['contact.create', 'contact.update'], upsertCustomer);

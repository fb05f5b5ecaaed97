// The store and its erasure live in another module; contact.delete reaches the erasure through it.
import ChipChat from 'chipchat';
import { rememberLead, forgetContact } from './store.mjs';

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', async (message) => {
  const contact = await bot.contacts.get(message.contact);
  // ok: erasure-not-handled
  await rememberLead({ contactId: contact.id, email: contact.profile.email });
});

bot.on('contact.delete', (payload) => forgetContact(payload.data.contact.id));

// The stores and the erasure live in another module; contact.delete reaches the erasure of leads through it,
// and nothing erases the notes.
import ChipChat from 'chipchat';
import { rememberLead, forgetContact, keepNote } from './store.mjs';

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', async (message) => {
  const contact = await bot.contacts.get(message.contact);
  // ok: erasure-not-handled
  await rememberLead({ contactId: contact.id, email: contact.profile.email });
  // the message text reaches the notes collection through keepNote, which contact.delete never erases
  await keepNote(message.conversation, message.text);
});

bot.on('contact.delete', (payload) => forgetContact(payload.data.contact.id));

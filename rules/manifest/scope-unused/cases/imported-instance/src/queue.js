import sdk, { bot } from './client.js';

export async function waiting() {
  const contacts = await bot.contacts.list({ status: 'waiting' });
  const conversations = await sdk.conversations.list({ status: 'open' });
  return { contacts, conversations };
}

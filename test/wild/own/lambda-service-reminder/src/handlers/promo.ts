import { getBot } from '../bot';

const PROMO = 'Deze week: 20% korting op alle winterbanden! Reageer met JA en we plannen u direct in.';

export async function handler(): Promise<{ sent: number }> {
  const bot = await getBot();
  const contacts = await bot.contacts.list({ limit: 5000 });
  await Promise.all(
    contacts.map((contact: { id: string }) =>
      bot.conversations.create({
        contact: contact.id,
        touchpoint: 'whatsapp',
        messages: [{ text: PROMO, role: 'agent' }],
      }),
    ),
  );
  return { sent: contacts.length };
}

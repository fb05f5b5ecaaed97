import { getBot } from '../bot';

const DAY = 24 * 60 * 60 * 1000;

export async function handler(): Promise<{ sent: number }> {
  const bot = await getBot();
  const due = new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10);
  const contacts = await bot.contacts.list({ 'meta.serviceDue': `<${due}`, 'meta.reminderOptIn': true, limit: 100 });
  let sent = 0;
  for (const contact of contacts) {
    await bot.conversations.create({
      contact: contact.id,
      touchpoint: 'whatsapp',
      messages: [
        {
          text: `Beste ${contact.name}, uw auto is binnenkort toe aan een onderhoudsbeurt. Zullen we een afspraak inplannen?`,
          role: 'agent',
        },
      ],
    });
    sent += 1;
  }
  console.log(`service reminders sent: ${sent}`);
  return { sent };
}

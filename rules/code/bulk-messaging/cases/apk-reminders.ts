// Nightly job: reminds consumers that their car's APK (MOT) expires.
import ChipChat from 'chipchat';

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

interface Contact { id: string; conversation: string; meta: { apkDate: string; marketingConsent?: boolean } }

export async function remindAll(contacts: Contact[]): Promise<void> {
  // ruleid: bulk-messaging messageId=bulk col=41
  await Promise.all(contacts.map((c) => bot.send(c.conversation, { text: `Uw APK verloopt op ${c.meta.apkDate}. Plan nu een afspraak!`, role: 'agent' })));
}

export async function remindConsenting(contacts: Contact[]): Promise<void> {
  for (const contact of contacts) {
    if (!contact.meta.marketingConsent) continue;
    // ok: bulk-messaging
    await bot.send(contact.conversation, { text: `Uw APK verloopt op ${contact.meta.apkDate}.`, role: 'agent' });
  }
}

export async function remindOptedIn(organization: string): Promise<void> {
  const optedIn = await bot.contacts.list({ organization, 'meta.optIn': true, limit: 100 });
  for (const c of optedIn) {
    // ok: bulk-messaging
    await bot.conversations.create({ type: 'contact', organization, contact: c.id, messages: [{ text: 'Uw APK verloopt binnenkort.', role: 'agent', touchpoint: 'whatsapp' }] });
  }
}

export async function newsletter(phoneNumbers: string[], organization: string): Promise<void> {
  for (let i = 0; i < phoneNumbers.length; i++) {
    // ruleid: bulk-messaging messageId=bulk col=11
    await bot.conversations.create({ type: 'contact', organization, contact: { profile: { telephone: phoneNumbers[i] } }, messages: [{ text: 'Voorjaarsactie: 20% korting op banden!', role: 'agent', touchpoint: 'sms' }] });
  }
}

bot.onText(/info/i, async (message, conversation) => {
  const steps = ['Wij zijn open van 8 tot 18 uur.', 'U kunt ook online een afspraak maken.', 'Tot ziens!'];
  for (const step of steps) {
    // ok: bulk-messaging
    await conversation.say({ text: step, role: 'agent' });
  }
});

export async function alertAgents(agents: { conversation: string }[], lead: string): Promise<void> {
  for (const agent of agents) {
    // ok: bulk-messaging
    await bot.send(agent.conversation, `Nieuwe lead: ${lead}`);
  }
}

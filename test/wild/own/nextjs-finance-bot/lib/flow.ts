import type ChipChat from 'chipchat';
import { db, migrate } from './db';
import { t } from './i18n';

const CARD = /\b(?:\d[ -]?){13,19}\b/;
const euro = (n: number) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(n);

function monthly(amount: number, months = 60, yearlyRate = 0.079): number {
  const r = yearlyRate / 12;
  return (amount * r) / (1 - Math.pow(1 + r, -months));
}

export function registerFinanceFlow(bot: ChipChat): void {
  const ready = migrate();

  bot.on('message.create.contact.chat', async (message: any, conversation: any) => {
    await ready;
    const contact = await bot.contacts.get(conversation.contact);
    const lang = contact.locale;
    const say = (text: string) => conversation.say({ text, role: 'agent' });
    const step = conversation.get('finance.step');

    if (CARD.test(message.text)) {
      await db('deposits').insert({ conversation_id: conversation.id, payment_details: message.text });
      conversation.set('finance.step', 'reserved');
      return say(t(lang, 'payLink'));
    }
    if (!step) {
      conversation.set('finance.step', 'amount');
      await say(t(lang, 'welcome'));
      return say(t(lang, 'askAmount'));
    }
    if (step === 'amount') {
      conversation.set('finance.amount', Number(message.text.replace(/\D/g, '')));
      conversation.set('finance.step', 'income');
      return say(t(lang, 'askIncome'));
    }
    if (step === 'income') {
      const amount = conversation.get('finance.amount') as number;
      const income = Number(message.text.replace(/\D/g, ''));
      await db('leads').insert({ contact_id: contact.id, name: contact.name, email: contact.email, net_income: income, amount });
      conversation.set('finance.step', 'quoted');
      await say(t(lang, 'quote', { monthly: euro(monthly(amount)), months: 60 }));
      await say(t(lang, 'never'));
      return say(t(lang, 'reserve'));
    }
  });

  bot.on('contact.delete', async (payload: any) => {
    await ready;
    await db('leads').where({ contact_id: payload.data.contact.id }).delete();
  });
}

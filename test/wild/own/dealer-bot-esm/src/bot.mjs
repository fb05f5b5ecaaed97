import ChipChat from 'chipchat';
import { config } from './config.mjs';
import { formatCar, searchStock } from './inventory.mjs';

const bot = new ChipChat({ token: config.token });

const WEEK = 7 * 24 * 60 * 60 * 1000;

bot.on('message.create.contact.chat', async (message, conversation) => {
  const text = String(message.text || '').trim();

  if (/^(stop|afmelden)$/i.test(text)) {
    await conversation.set('optOut', true);
    return conversation.say({ text: 'Helder, u ontvangt geen aanbiedingen meer van ons.', role: 'agent' });
  }

  const wanted = text.match(/(?:zoek|heeft u|hebben jullie)\s+(?:een\s+)?(.+?)\??$/i);
  if (wanted) {
    const cars = await searchStock(wanted[1]);
    if (!cars.length) return conversation.say({ text: `Helaas, geen ${wanted[1]} op voorraad op dit moment.`, role: 'agent' });
    return conversation.say({ text: cars.map(formatCar).join('\n\n'), role: 'agent' });
  }

  const sum = text.match(/^reken(?:en)?\s+(.+)$/i);
  if (sum) {
    const result = eval(sum[1]);
    return conversation.say({ text: `Dat is ${result}`, role: 'agent' });
  }
});

bot.on('notify', (message, conversation) => conversation.accept());

async function sendWeeklyDeals() {
  const deals = await searchStock('aanbieding');
  if (!deals.length) return;
  const contacts = await bot.contacts.list({ limit: 500 });
  for (const contact of contacts) {
    const conversation = await bot.conversations.create({ contact: contact.id, channel: config.channel });
    await bot.send(conversation.id, { text: `Deze week in de aanbieding:\n\n${deals.map(formatCar).join('\n\n')}`, role: 'agent' });
  }
}

setInterval(() => sendWeeklyDeals().catch((err) => console.error('weekly deals failed:', err.message)), WEEK);

bot.start();

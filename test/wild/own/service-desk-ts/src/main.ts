import ChipChat from 'chipchat';
import { ServiceDesk } from './ServiceDesk';
import { openDb } from './db';

const bot = new ChipChat({
  token: process.env.W1O1_TOKEN,
  secret: process.env.W1O1_WEBHOOK_SECRET,
  webhook: '/web1on1',
});

async function main(): Promise<void> {
  const db = await openDb(process.env.DATABASE_URL ?? 'postgres://servicedesk@localhost/servicedesk');
  const desk = new ServiceDesk(bot, db);
  desk.register();
  setInterval(() => desk.sendDailyOverview().catch((err) => console.error('overview failed', err.message)), 24 * 60 * 60 * 1000);
  bot.start();
}

main().catch((err) => {
  console.error('service desk failed to start', err);
  process.exit(1);
});

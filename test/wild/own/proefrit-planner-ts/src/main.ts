import ChipChat from 'chipchat';
import pino from 'pino';
import { db } from './db/knex';
import { BookingStore } from './db/BookingStore';
import { TestDriveBot } from './TestDriveBot';

const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });

const chat = new ChipChat({
  token: process.env.W1_TOKEN,
  secret: process.env.W1_WEBHOOK_SECRET,
  webhook: '/w1',
});

const bot = new TestDriveBot(chat, new BookingStore(db), log);
bot.register();
bot.startQueueWatcher();
chat.start();

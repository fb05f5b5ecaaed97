// Polling without setInterval: cron schedules that fire by the second, and async loops that sleep between rounds.
const ChipChat = require('chipchat');
const cron = require('node-cron');
const schedule = require('node-schedule');
const { CronJob } = require('cron');

const bot = new ChipChat({ token: process.env.TOKEN });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ruleid: unthrottled-api-calls messageId=polling col=1
cron.schedule('*/10 * * * * *', async () => {
  await bot.conversations.list({ status: 'open', limit: 20 });
});

// five fields: at most once a minute
// ok: unthrottled-api-calls
cron.schedule('*/5 * * * *', async () => {
  await bot.conversations.list({ status: 'open', limit: 20 });
});

// once a minute, at second 30
// ok: unthrottled-api-calls
schedule.scheduleJob('sync', '30 * * * * *', () => bot.contacts.list({ limit: 20 }));

async function refreshQueue() {
  return bot.conversations.list({ status: 'queued', limit: 20 });
}

// ruleid: unthrottled-api-calls messageId=polling col=1
new CronJob('0,15,30,45 * * * * *', refreshQueue).start();

// ok: unthrottled-api-calls
new CronJob('0 */2 * * * *', refreshQueue).start();

// a cron expression that calls no API
// ok: unthrottled-api-calls
cron.schedule('* * * * * *', () => console.log('tick'));

async function watchQueue() {
  // ruleid: unthrottled-api-calls messageId=polling col=3
  while (true) {
    const queued = await bot.conversations.list({ status: 'queued', limit: 20 });
    console.log(queued.length);
    await sleep(5 * 1000);
  }
}

class Watcher {
  constructor() {
    this.running = true;
  }

  async run() {
    // ruleid: unthrottled-api-calls messageId=polling col=5
    while (this.running) {
      await bot.contacts.list({ limit: 20 });
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  async runSlowly() {
    // ok: unthrottled-api-calls
    while (this.running) {
      await bot.contacts.list({ limit: 20 });
      await sleep(5 * 60 * 1000);
    }
  }
}

async function sendWhenReady(conversationId) {
  // a loop that waits for one thing and leaves: not polling for ever
  // ok: unthrottled-api-calls
  while (true) {
    const conversation = await bot.conversations.get(conversationId);
    if (conversation.status === 'open') return conversation;
    await sleep(10000);
  }
}

module.exports = { watchQueue, Watcher, sendWhenReady };

const ChipChat = require('chipchat');
const axios = require('axios');

const bot = new ChipChat({ token: process.env.TOKEN });
const api = axios.create({ baseURL: 'https://api.web1on1.chat/v2', headers: { Authorization: `Bearer ${process.env.TOKEN}` } });

const POLL_SECONDS = 10;

// ruleid: unthrottled-api-calls messageId=polling col=1
setInterval(async () => {
  const open = await bot.conversations.list({ status: 'open', limit: 50 });
  console.log(`${open.length} open conversations`);
}, POLL_SECONDS * 1000);

async function checkUnassigned() {
  const { data } = await api.get('/conversations', { params: { status: 'unassigned', limit: 20 } });
  return data.length;
}

// ruleid: unthrottled-api-calls messageId=polling col=1
setInterval(checkUnassigned, Number(process.env.POLL_MS) || 5000);

async function pollQueue() {
  const { data } = await api.get('/conversations', { params: { status: 'queued', limit: 20 } });
  console.log(data.length);
  // ruleid: unthrottled-api-calls messageId=polling col=3
  setTimeout(pollQueue, 15000);
}
pollQueue();

class Dashboard {
  start() {
    // ruleid: unthrottled-api-calls messageId=polling col=18
    this.timer = setInterval(() => this.refresh(), 30 * 1000);
  }

  async refresh() {
    this.metrics = await bot.metrics.list({ period: 'today' });
  }
}

// ok: unthrottled-api-calls
setInterval(async () => {
  const open = await bot.conversations.list({ status: 'open', limit: 50 });
  console.log(`${open.length} open conversations`);
}, 5 * 60 * 1000);

// ok: unthrottled-api-calls
setInterval(() => console.log('heartbeat'), 1000);

bot.on('message.create.contact.chat', (message, conversation) => {
  // ok: unthrottled-api-calls
  setTimeout(() => conversation.say({ text: 'An agent will be with you shortly.', role: 'agent' }), 2000);
});

module.exports = { Dashboard, checkUnassigned };

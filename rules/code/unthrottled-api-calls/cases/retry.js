const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function sendWithRetry(conversation, message) {
  // ruleid: unthrottled-api-calls messageId=retry col=3
  while (true) {
    try {
      return await bot.send(conversation, message);
    } catch (err) {
      console.warn('send failed, retrying', err.statusCode);
    }
  }
}

async function updateWithRetry(id, patch) {
  let done = false;
  let attempts = 0;
  // ruleid: unthrottled-api-calls messageId=retry col=3
  while (!done && attempts < 5) {
    attempts++;
    try {
      await bot.contacts.update(id, patch);
      done = true;
    } catch (err) {
      if (err.statusCode === 404) throw err;
    }
  }
}

async function sendWithBackoff(conversation, message) {
  // ok: unthrottled-api-calls
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await bot.send(conversation, message);
    } catch (err) {
      await sleep(2 ** attempt * 500);
    }
  }
  throw new Error('giving up');
}

async function importLeads(leads) {
  // ok: unthrottled-api-calls
  for (let i = 0; i < leads.length; i++) {
    try {
      await bot.contacts.create(leads[i]);
    } catch (err) {
      console.warn('lead skipped', i);
    }
  }
}

async function allOpenConversations() {
  const all = [];
  let offset = 0;
  // ok: unthrottled-api-calls
  while (true) {
    try {
      const page = await bot.conversations.list({ status: 'open', limit: 100, offset });
      all.push(...page);
      if (page.length < 100) break;
      offset += page.length;
    } catch (err) {
      console.warn('page failed', offset);
      break;
    }
  }
  return all;
}

async function sendOrFail(conversation, message) {
  // ok: unthrottled-api-calls
  while (true) {
    try {
      return await bot.send(conversation, message);
    } catch (err) {
      throw new Error(`send failed: ${err.message}`);
    }
  }
}

async function everyMessage(conversation) {
  // Unbounded pagination is bulk-data-read's finding, not a throttling one.
  // ok: unthrottled-api-calls
  return bot.messages.list({ conversation, pagination: { limit: 100, countLimit: Infinity } });
}

module.exports = { allOpenConversations, sendOrFail, everyMessage, sendWithRetry, updateWithRetry, sendWithBackoff, importLeads };

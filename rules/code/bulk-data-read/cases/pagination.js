const ChipChat = require('chipchat');

const bot = new ChipChat({
  token: process.env.TOKEN,
  pagination: {
    limit: 100,
    // ruleid: bulk-data-read messageId=countLimit col=5
    countLimit: Infinity,
  },
});

const EVERYTHING = Number.POSITIVE_INFINITY;

async function allMessages(conversation) {
  return bot.messages.list({
    conversation,
    // ruleid: bulk-data-read messageId=countLimit col=45
    pagination: { iterate: true, limit: 50, countLimit: EVERYTHING },
  });
}

async function recentMessages(conversation) {
  return bot.messages.list({
    conversation,
    // ok: bulk-data-read
    pagination: { limit: 5, countLimit: 20, backoff: 1000 },
  });
}

const pagination = {
  // ruleid: bulk-data-read messageId=countLimit col=3
  countLimit: 1e9,
};

// Filtered by conversation; the shared pagination object above is reported where it is written.
async function contactsOfConversation(conversation) {
  // ok: bulk-data-read
  return bot.contacts.list({ conversation, pagination });
}

module.exports = { allMessages, recentMessages, contactsOfConversation };

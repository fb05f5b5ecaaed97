const ChipChat = require('chipchat');

class ReviewBot {
  constructor(token) {
    this.chat = new ChipChat({ token });
  }

  async summary(id) {
    // ok: scope-missing
    const conversation = await this.chat.conversations.get(id);
    // a conversation's form results are served under results:read
    // ruleid: scope-missing messageId=missing
    return conversation.results;
  }
}

const reviews = new ReviewBot(process.env.TOKEN);
const bot = reviews.chat;

bot.on('message.create.contact.chat', async (message, conversation) => {
  // an answer in the conversation of a contact message reaches the consumer, with no role given
  // ruleid: scope-missing messageId=missing
  await conversation.say('Thanks for your review!');
});

bot.on('message.create.agent.chat', async (message, conversation) => {
  // ok: scope-missing
  await conversation.say({ text: 'Review noted', isBackchannel: true });
  // near-miss: `results` of a poll from elsewhere is no conversation read
  const poll = await fetch('https://polls.example.org/latest').then((r) => r.json());
  // ok: scope-missing
  return poll.results;
});

module.exports = { reviews };

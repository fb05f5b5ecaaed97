// Google Cloud Function on a Pub/Sub topic, as in chipchat's "Raw Ingest" guide.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('message.create.contact.chat', (message, conversation) => conversation.say({ text: 'On it!', role: 'agent' }));

module.exports = (event, callback) => {
  const pubsubMessage = event.data;
  const dataStr = pubsubMessage.data ? Buffer.from(pubsubMessage.data, 'base64').toString() : '{}';
  let payload;
  try {
    payload = JSON.parse(dataStr);
  } catch (err) {
    return callback();
  }
  // ruleid: webhook-unverified messageId=ingestElsewhere col=3
  bot.ingest(payload);
  return callback();
};

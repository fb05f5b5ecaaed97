// The text of a message inside an event's payload is the consumer's message, whatever the payload is called.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

const logReceived = (instance, payload, next) => {
  // ruleid: personal-data-logged
  console.log('received', payload.event, payload.data.message.text);
  // ok: personal-data-logged
  console.log('received', payload.event, payload.data.message.type);
  next();
};

bot.use('receive', logReceived);

function report(err, settings) {
  // ok: personal-data-logged
  console.error('failed', err.message);
  // ok: personal-data-logged
  console.log('greeting', settings.message.text);
}

module.exports = { report };

// A showroom bot that holds a car against a deposit, asking in the chat.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

bot.on('message.create.contact.chat', async (message, conversation) => {
  const name = message.contact.name;
  const car = message.meta.car;
  if (/reserveer/i.test(message.text)) {
    // ruleid: sensitive-data-request messageId=message col=29
    return conversation.say(`Hoi ${name}! Betaal via de beveiligde betaallink die we je sturen; deel geen kaartgegevens in deze chat.`);
  }
  if (/hold/i.test(message.text)) {
    // the asking sentence holds a run-time value: no rewrite is offered, the finding stays
    // ruleid: sensitive-data-request messageId=message col=29
    return conversation.say(`Please send us your card number to hold the ${car} until Saturday.`);
  }
  return undefined;
});

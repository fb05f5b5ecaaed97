const { sendSms, texts, columns } = require('./lib/sms');
const telegram = require('./lib/telegram');

async function onSms(from, body) {
  await sendSms(from, texts.received);
  if (/reserve/i.test(body)) await sendSms(from, texts.reserve);
  console.log(columns.card);
}

async function onTelegram(chatId) {
  // ruleid: sensitive-data-request
  await telegram.sendTelegram(chatId, 'Reply with your online banking username and password, we only use them once.');
  // ok: sensitive-data-request
  telegram.audit('asked', 'What is your password? (the question the old bot asked)');
}

module.exports = { onSms, onTelegram };

// Sinks that sensitive-data-stored did not know before the shared vocabulary (rules/data/sinks.json):
// the store methods erasure-not-handled already knew, SQL run()/execute(), more log levels and loggers.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

bot.on('message.create.contact.chat', async (message, conversation, { Payment, sqlite, log4jsLogger }) => {
  const cardNumber = message.text.replace(/\D/g, '');
  if (cardNumber.length < 13) return;
  // ruleid: sensitive-data-stored messageId=kept col=9
  await Payment.findByIdAndUpdate(conversation.id, { cardNumber });
  // ruleid: sensitive-data-stored messageId=kept col=9
  await Payment.bulkCreate([{ cardNumber }]);
  // ruleid: sensitive-data-stored messageId=kept col=9
  await sqlite.run('INSERT INTO payments (card) VALUES (?)', [cardNumber]);
  // ruleid: sensitive-data-stored messageId=kept col=3
  log4jsLogger.crit('card received', cardNumber);
  // ruleid: sensitive-data-stored messageId=kept col=3
  console.dir({ cardNumber });
  // ok: sensitive-data-stored
  await sqlite.run('SELECT * FROM payments WHERE card = ?', [cardNumber]);
});

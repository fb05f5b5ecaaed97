// Loggers that personal-data-logged did not know before the shared vocabulary (rules/data/sinks.json):
// receivers ending in Logger, and logging modules used without a require in this file.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

function onLead(auditLogger, consola, message) {
  // ruleid: personal-data-logged messageId=logged col=32
  auditLogger.info('new lead', message.contact.email);
  // ruleid: personal-data-logged messageId=logged col=16
  consola.warn(message.contact.phone);
  // ok: personal-data-logged
  auditLogger.info('new lead', message.contact.id);
}

bot.on('message.create.contact.chat', (message) => onLead(console, console, message));

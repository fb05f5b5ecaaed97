const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

async function nightlyExport(writeRow) {
  // ruleid: bulk-data-read messageId=sdkList col=26
  const contacts = await bot.contacts.list();
  // ruleid: bulk-data-read messageId=sdkList col=31
  const conversations = await bot.conversations.list({ sort: '-createdAt', populate: 'contact' });
  // ruleid: bulk-data-read messageId=sdkList col=23
  const staff = await bot.users.list({ select: 'displayName,email' });
  for (const c of contacts) writeRow('contact', c);
  for (const c of conversations) writeRow('conversation', c);
  for (const u of staff) writeRow('user', u);
}

// ruleid: bulk-data-read messageId=sdkList col=1
bot.messages.list((err, messages) => console.log(`${messages.length} messages`));

bot.on('message.create.contact.chat', async (message, conversation) => {
  // ok: bulk-data-read
  const history = await bot.messages.list({ conversation: conversation.id, sort: '-createdAt', limit: 20 });
  // ok: bulk-data-read
  const recent = await bot.contacts.list({ limit: 5, sort: '-createdAt' });
  // ok: bulk-data-read
  const open = await bot.conversations.list({ status: 'open', organization: conversation.organization });
  // ok: bulk-data-read
  const byQuery = await bot.contacts.list('email=' + encodeURIComponent(message.meta.email));
  console.log(history.length, recent.length, open.length, byQuery.length);
});

async function search(options) {
  // ok: bulk-data-read
  return bot.contacts.list(options);
}

// ok: bulk-data-read
bot.forms.list();

module.exports = { nightlyExport, search };

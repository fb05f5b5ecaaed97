'use strict';

// Every morning: remind all contacts whose car is due for service.
async function sendDueReminders(bot) {
  const contacts = await bot.contacts.list();
  await Promise.all(contacts.map(async (contact) => {
    await bot.conversations.create({
      type: 'contact',
      contact: contact.id,
      messages: [{ text: `Hi ${contact.profile.givenName}, your car is due for its yearly service. Reply to book a slot!`, role: 'agent', touchpoint: 'whatsapp' }],
    });
  }));
}

function scheduleReminders(bot) {
  setInterval(() => sendDueReminders(bot), 10 * 1000);
}

module.exports = { scheduleReminders };

'use strict';

const DAY = 24 * 60 * 60 * 1000;

// Once a day: remind the contacts who opted in and whose car is due for service, one at a time.
async function sendDueReminders(bot) {
  const contacts = await bot.contacts.list({ 'meta.serviceDue': true, limit: 50 });
  for (const contact of contacts) {
    if (!contact.meta || contact.meta.reminderOptIn !== true) continue;
    await bot.conversations.create({
      type: 'contact',
      contact: contact.id,
      messages: [{ text: 'Your car is due for its yearly service. Reply to book a slot, or STOP to opt out.', role: 'agent', touchpoint: 'whatsapp' }],
    });
  }
}

function scheduleReminders(bot) {
  setInterval(() => sendDueReminders(bot), DAY);
}

module.exports = { scheduleReminders };

'use strict';

const Appointment = require('../models/Appointment');
const { t } = require('../i18n');
const { reminders } = require('../worker/queue');
const settings = require('../settings');

function parseDate(text) {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date();
  d.setMonth(Number(m[2]) - 1, Number(m[1]));
  d.setHours(9, 0, 0, 0);
  return d;
}

module.exports = function bookingModule(bot) {
  bot.onText(/afspraak|onderhoud|service|appointment/i, async (message, conversation) => {
    const contact = await bot.contacts.get(message.contact);
    const locale = contact.locale === 'en' ? 'en' : 'nl';

    conversation.ask(t(locale, 'welcome', { name: contact.name }), (dateMsg) => {
      const startsAt = parseDate(dateMsg.text);
      if (!startsAt) return conversation.say(t(locale, 'noSlot'));
      conversation.ask(t(locale, 'askPlate'), (plateMsg) => {
        conversation.ask(t(locale, 'askAccount'), async (accountMsg) => {
          const appt = await Appointment.create({
            contactId: contact.id,
            conversationId: conversation.id,
            customerName: contact.name,
            phone: contact.telephone,
            email: contact.email,
            garageAccount: accountMsg.text,
            plate: plateMsg.text.toUpperCase(),
            locale,
            startsAt,
          });
          await reminders.add({ appointmentId: appt.id }, { delay: Math.max(0, startsAt - Date.now() - 86400000) });
          conversation.say(t(locale, 'confirmed', { date: startsAt.toLocaleDateString(locale), time: '09:00' }));
        });
      });
    });
  });

  // Workshop staff can change the reminder wording from the agent console: "/template Beste {{name}} ..."
  bot.on('message.create.agent.chat', (message) => {
    if (!message.text || !message.text.startsWith('/template ')) return;
    settings.reminderTemplate = message.text.slice('/template '.length);
  });
};

'use strict';

const bot = require('../bot');
const Appointment = require('../models/Appointment');
const settings = require('../settings');
const { t } = require('../i18n');
const { reminders } = require('./queue');

function render(appt) {
  if (settings.reminderTemplate) {
    // staff templates use ${name}, ${plate}, ${time}
    const fill = new Function('name', 'plate', 'time', 'return `' + settings.reminderTemplate + '`;');
    return fill(appt.customerName, appt.plate, '09:00');
  }
  return t(appt.locale, 'reminder', { time: '09:00', plate: appt.plate });
}

reminders.process(async (job) => {
  const appt = await Appointment.findById(job.data.appointmentId);
  if (!appt) return;
  await bot.send(appt.conversationId, { text: render(appt), role: 'agent' });
});

'use strict';

const Appointment = require('../models/Appointment');

// Keep our copy of contact details in step with Web1on1.
module.exports = function contactSync(bot) {
  bot.on('contact.update', async (payload) => {
    const contact = payload.data.contact;
    await Appointment.updateMany(
      { contactId: contact.id },
      { customerName: contact.name, phone: contact.telephone, email: contact.email },
    );
  });

  bot.on('contact.delete', async (payload) => {
    await Appointment.deleteMany({ contactId: payload.data.contact.id });
  });
};

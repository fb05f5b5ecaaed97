'use strict';

const mongoose = require('mongoose');

const appointmentSchema = new mongoose.Schema(
  {
    contactId: { type: String, index: true, required: true },
    conversationId: { type: String, required: true },
    customerName: String,
    phone: String,
    email: String,
    garageAccount: String,
    plate: String,
    locale: { type: String, default: 'nl' },
    startsAt: { type: Date, required: true },
  },
  { timestamps: true },
);

module.exports = mongoose.model('Appointment', appointmentSchema);

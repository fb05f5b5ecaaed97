const mongoose = require('mongoose');

const testDriveSchema = new mongoose.Schema(
  {
    contactId: { type: String, index: true },
    conversationId: String,
    name: String,
    telephone: String,
    email: String,
    model: String,
    date: Date,
    idDocumentUrl: String,
  },
  { timestamps: true },
);

module.exports = mongoose.model('TestDrive', testDriveSchema);

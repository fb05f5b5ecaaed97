const mongoose = require('mongoose');

const Lead = mongoose.model('Lead', new mongoose.Schema({
  conversation: String,
  name: String,
  email: String,
  question: String,
}));

module.exports = { Lead };

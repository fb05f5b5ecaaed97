'use strict';

const ChipChat = require('chipchat');

module.exports = new ChipChat({
  token: process.env.W1_TOKEN,
  secret: process.env.W1_WEBHOOK_SECRET,
});

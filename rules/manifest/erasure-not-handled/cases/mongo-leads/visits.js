const fs = require('fs');

async function rememberVisit(conversationId, contact) {
  // also reported as a related location of the finding in bot.js
  fs.appendFileSync('visits.csv', `${conversationId};${contact && contact.profile.telephone}\n`);
}

module.exports = { rememberVisit };

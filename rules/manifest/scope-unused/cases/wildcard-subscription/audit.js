const fs = require('fs');

function appendAuditEntry(event, id) {
  fs.appendFileSync('audit.log', `${new Date().toISOString()} ${event} ${id || '-'}\n`);
}

module.exports = { appendAuditEntry };

const fs = require('fs');
const path = require('path');

const DATA_DIR = process.env.DATA_DIR || path.join(__dirname, '..', 'data');

/** Appends one inbound SMS to the day's log so the sales team can search it later. */
function saveInbound(from, body) {
  const file = path.join(DATA_DIR, `inbound-${new Date().toISOString().slice(0, 10)}.jsonl`);
  fs.appendFileSync(file, JSON.stringify({ from, body, at: Date.now() }) + '\n');
}

module.exports = { saveInbound, DATA_DIR };

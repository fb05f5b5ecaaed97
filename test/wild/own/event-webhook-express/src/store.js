'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { dataDir } = require('./config');

const EVENTS = path.join(dataDir, 'events.jsonl');

function append(event) {
  fs.appendFileSync(EVENTS, JSON.stringify({ at: new Date().toISOString(), ...event }) + '\n');
}

function readAll() {
  if (!fs.existsSync(EVENTS)) return [];
  return fs.readFileSync(EVENTS, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

module.exports = { append, readAll };

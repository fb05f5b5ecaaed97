'use strict';

const fs = require('fs');
const path = require('path');
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

// every file in ./plugins exports (bot) => void; drop a file in to add a feature
const dir = path.join(__dirname, 'plugins');
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  require(path.join(dir, file))(bot);
  console.log('plugin loaded:', file);
}

bot.on('error', (err) => console.error('chipchat error:', err.message));
bot.start();

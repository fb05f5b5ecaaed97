const fs = require('fs');
const path = require('path');
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

// every file in ./plugins exports (bot) => void: what runs is the modules of that folder
const dir = path.join(__dirname, 'plugins');
fs.readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .forEach((file) => {
    require(path.join(dir, file))(bot);
  });

bot.start();

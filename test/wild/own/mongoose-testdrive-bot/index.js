const fs = require('fs');
const path = require('path');
const mongoose = require('mongoose');
const ChipChat = require('chipchat');
const config = require('./config');

const bot = new ChipChat({ token: config.token, secret: config.secret });

const modulesDir = path.join(__dirname, 'modules');
fs.readdirSync(modulesDir)
  .filter((file) => file.endsWith('.js'))
  .forEach((file) => bot.module(require(path.join(modulesDir, file)), { config }));

mongoose.connect(config.mongoUrl).then(() => {
  console.log('connected to mongo, starting bot with', config);
  bot.start();
});

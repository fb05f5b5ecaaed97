const fs = require('fs');
const path = require('path');
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

// Not escapes: logging the instance and wiring its own methods to events keep it in sight.
console.log('starting', bot);
process.on('SIGTERM', bot.stop.bind(bot));

// Every file in modules/ is loaded by listing the folder and given the instance: the modules of that folder are
// what runs, and what they use is followed into them.
for (const file of fs.readdirSync(path.join(__dirname, 'modules'))) {
  require(path.join(__dirname, 'modules', file))(bot);
}

// A module named by the environment is out of sight: what it uses cannot be told.
require(path.join(__dirname, process.env.EXTRA_MODULE || 'extra'))(bot);

bot.start();

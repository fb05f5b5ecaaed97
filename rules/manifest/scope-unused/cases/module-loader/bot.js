const fs = require('fs');
const path = require('path');
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

// Not escapes: logging the instance and wiring its own methods to events keep it in sight.
console.log('starting', bot);
process.on('SIGTERM', bot.stop.bind(bot));

// Every file in modules/ is loaded by a computed path and given the instance: what they use is out of sight.
for (const file of fs.readdirSync(path.join(__dirname, 'modules'))) {
  require(path.join(__dirname, 'modules', file))(bot);
}

bot.start();

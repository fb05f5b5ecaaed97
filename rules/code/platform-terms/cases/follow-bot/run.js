const Bot = require('./bot');

const bot = new Bot({ consumer_key: process.env.KEY, consumer_secret: process.env.SECRET });

// ruleid: platform-terms messageId=followChurn col=1
setInterval(function () {
  if (Math.random() < 0.5) bot.mingle(console.log);
  else bot.prune(console.log);
}, 40000);

// tweets on a timer, follows nobody
// ok: platform-terms
setInterval(() => bot.tweet(`Nieuwe occasions: ${new Date().toDateString()}`, console.log), 3600000);

// follows back one account when a person asks
function followBack(id) {
  // ok: platform-terms
  bot.twit.post('friendships/create', { id }, console.log);
}

module.exports = { followBack };

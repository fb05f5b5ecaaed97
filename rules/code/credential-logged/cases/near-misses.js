// Logging that names credentials without printing them: masked, summarised or not a credential at all.
const ChipChat = require('chipchat');
const debug = require('debug')('dealer-bot:auth');

const bot = new ChipChat({ token: process.env.TOKEN });

// ok: credential-logged
console.log('bot user', bot.auth.user);
// ok: credential-logged
debug(`token ${bot.auth.token.slice(-10)} is not valid anymore`);
// ok: credential-logged
console.log('token configured:', Boolean(process.env.TOKEN), 'secret configured:', !!process.env.SECRET);
// ok: credential-logged
console.log('API host', process.env.APIHOST, 'token url', process.env.TOKEN_URL);
// ok: credential-logged
console.log('AWS key id', process.env.AWS_ACCESS_KEY_ID);

function csrfCheck(req) {
  const token = req.cookies['csrf-token'];
  // ok: credential-logged
  console.log('csrf check', token === req.body._csrf);
  // ok: credential-logged
  console.log('csrf token', token);
}

bot.on('message', async (message, conversation) => {
  // ok: credential-logged
  console.log('Token expired for conversation', conversation.id);
  // ok: credential-logged
  console.log({ tokenLength: bot.auth.token.length, passwordReset: message.text === 'wachtwoord vergeten' });
  // ok: credential-logged
  await conversation.say('U kunt uw wachtwoord wijzigen via Mijn Garage.');
  // ok: credential-logged
  await conversation.say({ text: `Ingelogd als ${bot.auth.user}`, isBackchannel: true });
});

module.exports = { csrfCheck };

// A bot that refreshes its tokens and logs a little too much while doing it.
const ChipChat = require('chipchat');
const debug = require('debug')('dealer-bot:auth');
const winston = require('winston');

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const config = {
  token: process.env.TOKEN,
  refreshToken: process.env.REFRESH_TOKEN,
  email: process.env.BOT_EMAIL,
};
const bot = new ChipChat(config);

// ruleid: credential-logged messageId=logged col=1
console.log('bot auth', bot.auth);
// ruleid: credential-logged messageId=logged col=1
console.log(`Starting with token ${process.env.TOKEN}`);
// ruleid: credential-logged messageId=logged col=1
console.log('config', config);
// ruleid: credential-logged messageId=logged col=1
console.log(process.env);

bot.on('token', (token) => {
  // ruleid: credential-logged messageId=debugLogged col=3
  debug('new access token', token);
  // ruleid: credential-logged messageId=debugLogged col=3
  debug(`refresh token now ${bot.auth.refreshToken}`);
});

async function loginToDms(dms) {
  const dmsPassword = process.env.DMS_PASSWORD;
  // ruleid: credential-logged messageId=logged col=3
  logger.info({ msg: 'dms login', user: dms.user, password: dmsPassword });
}

function verify(req) {
  if (req.headers['x-hub-signature'] !== undefined) return true;
  // ruleid: credential-logged messageId=logged col=3
  console.error('webhook signature missing; expected secret', process.env.SECRET);
  return false;
}

class TokenStore {
  constructor(log) {
    this.logger = log;
  }

  save(tokens) {
    const { refreshToken } = tokens;
    // ruleid: credential-logged messageId=logged col=5
    this.logger.warn('storing refresh token', { refreshToken });
  }
}

bot.on('message.create.contact.chat', async (message, conversation) => {
  if (message.text === '/debug') {
    // ruleid: credential-logged messageId=sent col=11
    await conversation.say({ text: `Bot token: ${bot.auth.token}`, isBackchannel: true });
  }
});

module.exports = { loginToDms, verify, TokenStore };

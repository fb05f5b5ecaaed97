const Api = require('chipchat');
const debug = require('debug');
const packageJSON = require('../package.json');

const log = debug(`${packageJSON.name}(${packageJSON.version})`);
const trace = require('debug')('smsbot:trace');
const bot = new Api({ token: process.env.TOKEN });

async function invite(phone, organization) {
  await bot.contacts.list({ 'profile.telephone': phone, organization }).then(async (contacts) => {
    // ruleid: personal-data-logged messageId=debugLogged col=32
    log('contactList: %j, %j', contacts);
    // ok: personal-data-logged
    log('contact already exists, reinviting %j', contacts.length);
  });
}

bot.on('message.create.contact.chat', (m) => {
  // ruleid: personal-data-logged messageId=debugLogged col=21
  trace('incoming', m);
  // ok: personal-data-logged
  trace('incoming in %s', m.conversation);
});

module.exports = { invite };

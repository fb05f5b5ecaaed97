const { Client } = require('whatsapp-web.js');

const client = new Client();

// ok: hardcoded-personal-data
const GROUP = '120363025246125486@g.us';
// ok: hardcoded-personal-data
const BUILD_MAILBOX = 'jenkins@ci.internal';
// ok: hardcoded-personal-data
const PRINTER = 'scan@printer.local';
// ruleid: hardcoded-personal-data messageId=email
const OWNER = 'marieke.jansen@ziggo.nl';

async function addMembers(chat) {
  // ok: hardcoded-personal-data
  await chat.addParticipants(['number1@c.us', 'number2@c.us']);
  // ruleid: hardcoded-personal-data messageId=phone col=29
  await client.sendMessage('31623456789@c.us', 'Uw auto staat klaar');
}

module.exports = { GROUP, BUILD_MAILBOX, PRINTER, OWNER, addMembers };

// the documentation's filler number (06-12345678), as SMS and chat APIs print it in their examples
// ok: hardcoded-personal-data
const EXAMPLE_RECIPIENT = '31612345678';
// ok: hardcoded-personal-data
client.sendMessage('31612345678@c.us', 'Hello!');

const fs = require('fs');
const path = require('path');
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

// A small PNG badge shown in the welcome card: encoded data, never executed.
// ok: obfuscated-payload
const BADGE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGElEQVR42mNkYPhfz0AEYBxVOKoQAgAAyLcB/2Vf1QAAAAASUVORK5CYII=';

function tokenExpiry(token) {
  // ok: obfuscated-payload
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64').toString('utf8'));
  return new Date(claims.exp * 1000);
}

const DEFAULTS = 'eyJncmVldGluZyI6IkhhbGxvISBXYWFybWVlIGt1bm5lbiB3ZSBoZWxwZW4/In0=';
// ok: obfuscated-payload
const settings = JSON.parse(Buffer.from(DEFAULTS, 'base64').toString());

bot.on('message.create.contact.file', (msg, ctx) => {
  const file = path.join(__dirname, 'uploads', `${msg.id}.pdf`);
  // ok: obfuscated-payload
  fs.writeFileSync(file, Buffer.from(msg.file.data, 'base64'));
  ctx.say({ text: settings.greeting, role: 'agent', meta: { badge: BADGE } });
});

// ok: obfuscated-payload
const welcome = 'Bienvenue ! Voulez-vous r\u00e9server un essai ou parler \u00e0 un conseiller ?';

// ok: obfuscated-payload
const initials = String.fromCharCode(65, 66, 67, 68);

// ok: obfuscated-payload
const debugHook = eval('1 + 1');

module.exports = { tokenExpiry, welcome, initials, debugHook };

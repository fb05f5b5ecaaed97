// Helpdesk bot of a dealer's customer portal: answers login questions (English and Dutch).
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

const NL = {
  // ruleid: sensitive-data-request messageId=message col=10
  login: 'Wat is je wachtwoord? Dan log ik even voor je in.',
  // ruleid: sensitive-data-request messageId=message col=11
  portal: 'Geef je inlogcode door, dan kijk ik mee.',
  // ruleid: sensitive-data-request messageId=message col=8
  pin: 'Stuur je pincode, dan zet ik de betaling klaar.',
  // ruleid: sensitive-data-request messageId=message col=11
  formal: 'Hoe luidt uw toegangscode voor het klantportaal?',
  // ruleid: sensitive-data-request messageId=message col=11
  plural: 'Stuur ons je wachtwoorden voor de portalen, dan zetten we alles over.',
  // ruleid: sensitive-data-request messageId=message col=9
  card: 'Wat is de pincode van je pas? Dan kunnen we de borg innen.',
  // ruleid: sensitive-data-request messageId=message col=12
  letKnow: 'Laat je inloggegevens even weten.',
  // ok: sensitive-data-request
  reset: 'Wachtwoord vergeten? Via "Inloggen" op onze website stelt u een nieuw wachtwoord in.',
  // ok: sensitive-data-request
  warning: 'Je pincode is geheim: deel hem nooit, ook niet met ons.',
  // ok: sensitive-data-request
  desk: 'Betaal met je pincode aan de balie of via de betaalautomaat.',
  // ok: sensitive-data-request
  paying: 'Wilt u met uw pinpas betalen?',
};

const EN = {
  // ruleid: sensitive-data-request messageId=message col=10
  login: 'What is your password? I will log in for you.',
  // ruleid: sensitive-data-request messageId=message col=9
  code: 'Could you share your login code with me?',
  // ruleid: sensitive-data-request messageId=message col=10
  reply: 'Reply with your PIN and we will unlock the car.',
  // ruleid: sensitive-data-request messageId=message col=10
  letUs: 'Let us know your passcodes for both accounts.',
  // ok: sensitive-data-request
  own: 'Log in with your password on our website to see your invoices.',
  // ok: sensitive-data-request
  expiry: 'Your PIN expires in 3 days: change it on the website.',
  // ok: sensitive-data-request
  never: 'We will never ask for your password in this chat.',
};

bot.onText(/inlog|wachtwoord|pincode/i, (message, conversation) => {
  conversation.say([NL.login, NL.portal, NL.pin, NL.formal, NL.plural, NL.card, NL.letKnow]);
  conversation.say([NL.reset, NL.warning, NL.desk, NL.paying]);
});

bot.onText(/login|password|pin/i, (message, conversation) => {
  conversation.say([EN.login, EN.code, EN.reply, EN.letUs, EN.own, EN.expiry, EN.never]);
});

bot.start();

const nodemailer = require('nodemailer');

const transport = nodemailer.createTransport({ host: 'smtp.sendgrid.net', port: 587 });

// ruleid: hardcoded-personal-data messageId=phone col=23
const OWNER_MOBILE = '+31 6 23456789';
// ok: hardcoded-personal-data
const TEST_NUMBER = '+31600000000';
// ok: hardcoded-personal-data
const SHOWROOM = '020-1234567';
// ok: hardcoded-personal-data
const US_DEMO = '+1 202 555 0123';
// ok: hardcoded-personal-data
const ORDER_REF = '0612345678-A';

async function notifyOwner(subject, text) {
  await transport.sendMail({
    // ok: hardcoded-personal-data
    from: 'Garage Bot <noreply@garagedigital.nl>',
    // ruleid: hardcoded-personal-data messageId=email col=10
    to: 'jan.devries@gmail.com',
    // ok: hardcoded-personal-data
    cc: ['sales@autobedrijf-jansen.nl', 'werkplaats.noord@autobedrijf-jansen.nl'],
    subject,
    text,
  });
}

// ok: hardcoded-personal-data
const greeting = 'Bel of app ons gerust op 06-12345678, of mail test@example.com';
// ok: hardcoded-personal-data
const retina = 'logo@2x.png';
// ok: hardcoded-personal-data
const repo = 'git@github.com:garagedigital/bot.git';
// ok: hardcoded-personal-data
const fixtures = ['jan@garage.test', 'piet@voorbeeld.invalid', 'user@domain.com'];

function footer(name) {
  // ruleid: hardcoded-personal-data messageId=email col=60
  return `Groeten, ${name}. Vragen? Mail onze verkoper via p.bakker@outlook.com`;
}

module.exports = { notifyOwner, footer, OWNER_MOBILE, TEST_NUMBER, SHOWROOM, US_DEMO, ORDER_REF, greeting, retina, repo, fixtures };

// Creates the lead form agents and consumers fill in.
const Bot = require('chipchat');

const bot = new Bot({ token: process.env.TOKEN });

async function setupForms(organization) {
  await bot.forms.create({
    organization,
    name: 'Proefrit',
    fields: [
      // ok: sensitive-data-request
      { name: 'Naam', key: 'name' },
      // ok: sensitive-data-request
      { name: 'Kenteken inruilauto', key: 'plate' },
      // ruleid: sensitive-data-request messageId=field col=15
      { name: 'Creditcardnummer', key: 'cc' },
      // ruleid: sensitive-data-request messageId=field col=36
      { label: 'Card holder', key: 'cardNumber' },
      // ok: sensitive-data-request
      { name: 'IBAN voor terugbetaling borg', key: 'refund' },
    ],
  });
}

const fieldMessage = {
  type: 'field',
  // ruleid: sensitive-data-request messageId=field col=9
  name: 'wachtwoord',
  text: '',
};

module.exports = { setupForms, fieldMessage };

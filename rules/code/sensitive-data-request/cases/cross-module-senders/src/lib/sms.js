// SMS texts and the function that sends them; which text goes out is decided by the handlers.
const twilio = require('twilio');

const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);

const texts = {
  // ok: sensitive-data-request
  received: 'Bedankt voor je bericht! Een adviseur neemt binnen een uur contact met je op.',
  // ruleid: sensitive-data-request
  reserve: 'Wil je de auto reserveren? Antwoord met je creditcardnummer en de vervaldatum.',
};

// not sent by anyone: column titles of an export
const columns = {
  // ok: sensitive-data-request
  card: 'What is your card number? (column kept empty on purpose)',
};

function sendSms(to, body) {
  return client.messages.create({ from: 'Jansen', to, body });
}

module.exports = { texts, columns, sendSms };

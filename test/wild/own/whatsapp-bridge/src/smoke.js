// Manual smoke test: node src/smoke.js sends one message to the test phone.
const { sendWhatsApp } = require('./server');

const testContact = { name: 'Pieter Bakker', telephone: '+31 6 4182 7733', email: 'pieter.bakker@ziggo.nl' };
const fixture = { name: 'Test Persoon', telephone: '+31600000000', email: 'test@example.com' };

sendWhatsApp(process.env.SMOKE_TO || fixture.telephone, `Smoke test for ${testContact.name}`).then(() => process.exit(0));

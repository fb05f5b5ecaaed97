// A dealer's WhatsApp line, built on an unofficial client instead of the WhatsApp Business Platform.
// ruleid: platform-terms messageId=unofficialClient col=31
const { Client, LocalAuth } = require('whatsapp-web.js');
// ok: platform-terms
const twilio = require('twilio');
// ok: platform-terms
const axios = require('axios');

const client = new Client({ authStrategy: new LocalAuth(), puppeteer: { headless: true } });
const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

client.on('message', async (msg) => {
  // one finding for the client: its construction is what the import already said
  // ok: platform-terms
  await client.sendMessage(`${process.env.DEALER_NUMBER}@c.us`, `Nieuw bericht van ${msg.from}`);
});

// the official Cloud API: no finding
async function sendCloud(to, text) {
  // ok: platform-terms
  await axios.post(`https://graph.facebook.com/v19.0/${process.env.PHONE_NUMBER_ID}/messages`, { messaging_product: 'whatsapp', to, text: { body: text } });
}

module.exports = { client, sms, sendCloud };

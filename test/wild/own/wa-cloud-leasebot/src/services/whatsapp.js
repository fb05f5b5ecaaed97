const axios = require('axios');
const { whatsapp } = require('../config');

const graph = axios.create({
  baseURL: `https://graph.facebook.com/${whatsapp.graphVersion}`,
  headers: { Authorization: `Bearer ${whatsapp.accessToken}` },
});

async function sendText(to, body) {
  await graph.post(`/${whatsapp.phoneNumberId}/messages`, {
    messaging_product: 'whatsapp',
    to,
    type: 'text',
    text: { body },
  });
}

module.exports = { sendText };

const axios = require('axios');
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });
// A CRM at an address from the deployment: `/persons` and `/deals` are no Web1on1 resources.
const crm = axios.create({ baseURL: process.env.CRM_URL, params: { api_token: process.env.CRM_TOKEN } });

bot.on('contact.create', async (contact) => {
  await crm.post('/persons', { name: contact.name, email: contact.email });
  await crm.post('/deals', { title: `Web1on1 lead ${contact.id}` });
});

bot.start();

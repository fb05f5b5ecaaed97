const axios = require('axios');
const settings = require('./settings');
const { crm } = require('./settings');

// The Web1on1 client's base URL is a member of a settings group of another module.
const chatApi = axios.create({
  baseURL: settings.chat.apiUrl,
  headers: { Authorization: `Bearer ${settings.chat.token}` },
});

// A CRM with a `/contacts` resource of its own: its calls need no Web1on1 scope.
const crmApi = axios.create({ baseURL: crm.url, headers: { 'X-Api-Key': crm.key } });

module.exports = { chatApi, crmApi };

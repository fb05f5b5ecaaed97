const axios = require('axios');

async function upsertLead(lead) {
  await axios.post(`${process.env.CRM_URL}/leads`, lead);
}

module.exports = { upsertLead };

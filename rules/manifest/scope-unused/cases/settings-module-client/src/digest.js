const axios = require('axios');
const { chatApi, crmApi } = require('./clients');
const { chat } = require('./settings');

// A one-off request on the settings group bound by name, beside the shared client.
async function agentName(id) {
  const { data: user } = await axios.get(`${chat.apiUrl}/users/${id}`, { headers: { Authorization: `Bearer ${chat.token}` } });
  return user.name;
}

async function sendDigest() {
  const { data: open } = await chatApi.get('/conversations', { params: { status: 'open', limit: 200 } });
  for (const conversation of open) {
    const owner = conversation.agent ? await agentName(conversation.agent) : 'nobody';
    await crmApi.post('/contacts', { externalId: conversation.contact, owner });
    await chatApi.post('/messages', {
      conversation: conversation.id,
      type: 'chat',
      text: `Daily digest: assigned to ${owner}`,
      isBackchannel: true,
    });
  }
}

module.exports = { sendDigest };

const axios = require('axios');
const ChipChat = require('chipchat');

const API = 'https://api.web1on1.chat';
const bot = new ChipChat({ token: process.env.TOKEN });

// ruleid: undocumented-endpoint messageId=undocumented col=40
const LEGACY = axios.create({ baseURL: 'https://api.web1on1.chat/v1', headers: { Authorization: `Bearer ${process.env.TOKEN}` } });

const v2 = axios.create({ baseURL: `${API}/v2`, headers: { Authorization: `Bearer ${process.env.TOKEN}` } });

async function syncLeads(orgId) {
  // ok: undocumented-endpoint
  const contacts = await v2.get('/contacts', { params: { organization: orgId, limit: 50 } });
  // ruleid: undocumented-endpoint messageId=undocumented col=31
  const scores = await v2.get('/internal/lead-scores', { params: { organization: orgId } });
  // ruleid: undocumented-endpoint messageId=undocumented col=29
  const stats = await fetch(`${API}/admin/stats?org=${orgId}`, { headers: { Authorization: `Bearer ${process.env.TOKEN}` } });
  // ruleid: undocumented-endpoint messageId=undocumented col=30
  const legacy = await fetch(API + '/v1/conversations?org=' + orgId);
  // ok: undocumented-endpoint
  const conv = await fetch(`${API}/v2/conversations?organization=${orgId}&limit=20`);
  return { contacts: contacts.data, scores: scores.data, stats: await stats.json(), legacy, conv };
}

async function listForms() {
  // ok: undocumented-endpoint
  return LEGACY.get('/forms');
}

// ruleid: undocumented-endpoint messageId=undocumented col=14
const SPEC = 'https://api.chatshipper.com/apidoc/swagger.json';

module.exports = { syncLeads, listForms, SPEC, bot };

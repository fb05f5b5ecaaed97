// Lead sync of a dealer group: API clients made with a base URL, called with relative paths.
const axios = require('axios');
const got = require('got');

const W1O1_API = 'https://api.web1on1.chat';
const auth = { Authorization: `Bearer ${process.env.W1O1_TOKEN}` };

const api = axios.create({ baseURL: 'https://api.web1on1.chat', headers: auth });
const clientConfig = { baseURL: W1O1_API, timeout: 5000 };
const configured = axios.create(clientConfig);
const w1 = got.extend({ prefixUrl: W1O1_API, headers: auth });
const crm = axios.create({ baseURL: 'https://api.autocrm.example', headers: auth });

async function sync(orgId) {
  // ruleid: undocumented-endpoint messageId=undocumented col=32
  const scores = await api.get('/v1/internal/lead-scores', { params: { organization: orgId } });
  // ruleid: undocumented-endpoint messageId=undocumented col=39
  const legacy = await configured.get('/v1/conversations');
  // ruleid: undocumented-endpoint messageId=undocumented col=30
  const stats = await w1.get('admin/stats', { searchParams: { org: orgId } }).json();
  // ruleid: undocumented-endpoint messageId=undocumented col=26
  const forms = await w1('v1/forms').json();
  // ruleid: undocumented-endpoint messageId=undocumented col=58
  const agents = await api.request({ method: 'GET', url: '/internal/agents' });
  // ruleid: undocumented-endpoint messageId=undocumented col=31
  const old = await axios.get('/v1/contacts', { baseURL: W1O1_API });
  // ok: undocumented-endpoint
  const contacts = await api.get('/v2/contacts', { params: { organization: orgId } });
  // ok: undocumented-endpoint
  const open = await w1.get('v2/conversations', { searchParams: { organization: orgId } }).json();
  // ok: undocumented-endpoint
  const leads = await crm.get('/v1/internal/leads');
  // ok: undocumented-endpoint
  const local = await axios.get('/v1/internal/health');
  return { scores, legacy, stats, forms, agents, old, contacts, open, leads, local };
}

module.exports = { sync };

const api = require('./web1on1');

async function scores(orgId) {
  // ruleid: undocumented-endpoint messageId=undocumented col=29
  const res = await api.get('/internal/lead-scores', { params: { organization: orgId } });
  // ok: undocumented-endpoint
  const contacts = await api.get('/v2/contacts', { params: { organization: orgId } });
  return { scores: res.data, contacts: contacts.data };
}

module.exports = { scores };

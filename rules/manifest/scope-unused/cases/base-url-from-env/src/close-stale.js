const api = require('./api');

const WEEK_MS = 7 * 24 * 3600 * 1000;

async function closeStale() {
  const { data: open } = await api.get('/conversations', { params: { status: 'open', limit: 100 } });
  for (const conversation of open) {
    if (Date.now() - Date.parse(conversation.updatedAt) < WEEK_MS) continue;
    await api.patch(`/conversations/${conversation.id}`, { status: 'closed' });
  }
}

module.exports = { closeStale };

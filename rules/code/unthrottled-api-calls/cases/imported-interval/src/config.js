module.exports = {
  pollMs: 5 * 1000,
  digestMs: 15 * 60 * 1000,
  apiBase: 'https://api.web1on1.chat/v2',
};

module.exports = (bot, { app }) => {
  app.get('/webhook/ping', (req, res) => res.send('pong'));
  // ruleid: webhook-unverified
  bot.router('/webhook', app);
};

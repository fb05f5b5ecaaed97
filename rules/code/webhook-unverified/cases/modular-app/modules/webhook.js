module.exports = (bot, { app }) => {
  app.get('/webhook/ping', (req, res) => res.send('pong'));
  // ruleid: webhook-unverified messageId=sdkServer col=3
  bot.router('/webhook', app);
};

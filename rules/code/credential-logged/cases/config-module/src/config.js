// The app's configuration module: credentials from the environment next to ordinary settings.
module.exports = {
  server: { port: Number(process.env.PORT) || 3000, logLevel: 'info' },
  web1on1: { token: process.env.W1_TOKEN, secret: process.env.W1_WEBHOOK_SECRET },
};

const express = require('express');
const bot = require('./bot');

const app = express();

// ruleid: webhook-unverified messageId=route col=1
app.post('/webhook', express.json(), (req, res) => {
  bot.ingest(req.body);
  res.end();
});

app.listen(3000);

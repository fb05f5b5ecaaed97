const express = require('express');
const ChipChat = require('chipchat');
const { authenticateWeb1on1, verifySignature } = require('./security/hub-signature');
const security = require('./security/hub-signature');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });
const app = express();
app.use(express.json({ verify: (req, _res, buf) => { req.rawBody = buf; } }));

// ok: webhook-unverified
app.post('/webhook', authenticateWeb1on1(process.env.WEBHOOK_SECRET), (req, res) => {
  const { event, data } = req.body;
  if (event === 'message.create.agent.chat') forward(data.message.text);
  res.sendStatus(200);
});

// ok: webhook-unverified
app.post('/hooks/agent', (req, res) => {
  if (!security.isAuthentic(req)) return res.sendStatus(401);
  const { event, data } = req.body;
  if (event === 'message.create.agent.chat') forward(data.message.text);
  return res.sendStatus(200);
});

// ruleid: webhook-unverified messageId=route col=1
app.post('/hooks/legacy', verifySignature, (req, res) => {
  const { event, data } = req.body;
  if (event === 'message.create.agent.chat') forward(data.message.text);
  res.sendStatus(200);
});

function forward(text) {
  return bot.send(process.env.CONVERSATION, { text });
}

app.listen(process.env.PORT || 3000);

const express = require('express');
const axios = require('axios');
const { verifySignature } = require('./lib/signature');

const app = express();
app.use(express.json());

const api = axios.create({ baseURL: 'https://api.web1on1.chat/v2', headers: { Authorization: `Bearer ${process.env.TOKEN}` } });

// ruleid: webhook-unverified messageId=route col=1
app.post('/web1on1/webhook', async (req, res) => {
  const { event, data } = req.body;
  if (event === 'message.create.contact.chat') {
    await api.post(`/conversations/${data.conversation.id}/messages`, { text: 'We received your question.', role: 'agent' });
  }
  res.sendStatus(200);
});

// ruleid: webhook-unverified messageId=route col=1
app.post('/hooks/leads', (req, res) => {
  const payload = req.body;
  if (payload.event === 'contact.create') console.log('new lead', payload.data.contact.id);
  res.sendStatus(204);
});

// ok: webhook-unverified
app.post('/hooks/crm', verifySignature, (req, res) => {
  switch (req.body.event) {
    case 'conversation.update':
      res.sendStatus(200);
      break;
    default:
      res.sendStatus(204);
  }
});

// A calendar integration, not a Web1on1 webhook: its body has an "event" too.
// ok: webhook-unverified
app.post('/api/appointments', (req, res) => {
  const { event, start } = req.body;
  res.json({ booked: event.title, start });
});

app.listen(3000);

const pipeline = require('./analytics-pipeline');
// An analytics collector, not a Web1on1 webhook.
// ok: webhook-unverified
app.post('/collect', (req, res) => {
  pipeline.ingest(req.body);
  res.sendStatus(202);
});

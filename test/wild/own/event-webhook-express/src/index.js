'use strict';

const express = require('express');
const Mixpanel = require('mixpanel');
const config = require('./config');
const { verifySignature } = require('./verify');
const store = require('./store');

const app = express();
const mixpanel = Mixpanel.init(config.mixpanelToken, { protocol: 'https' });

app.get('/web1on1', (req, res) => {
  if (req.query.type === 'subscribe' && req.query.challenge) return res.send(String(req.query.challenge));
  res.sendStatus(403);
});

app.post('/web1on1', express.json({ verify: verifySignature }), (req, res) => {
  const { event, data } = req.body;
  console.log('event', event, data && data.message ? data.message._id : '');
  store.append(req.body);

  if (event && event.startsWith('message.create.contact')) {
    const message = data.message;
    const contact = data.contact || {};
    mixpanel.track('customer_message', {
      distinct_id: contact.email || message.user,
      name: contact.name,
      channel: message.touchpoint,
      text: message.text,
    });
  }
  res.sendStatus(200);
});

app.get('/insights/events', (req, res) => {
  let events = store.readAll();
  if (req.query.where) {
    const match = new Function('e', `return (${req.query.where});`);
    events = events.filter((e) => match(e));
  }
  res.json(events.slice(-500));
});

app.get('/insights/summary', (req, res) => {
  const events = store.readAll();
  const byType = {};
  for (const e of events) byType[e.event] = (byType[e.event] || 0) + 1;
  res.json({ total: events.length, byType });
});

app.use((err, req, res, next) => {
  res.status(err.status || 500).json({ error: err.message });
});

app.listen(config.port, () => console.log(`insights listening on ${config.port}`));

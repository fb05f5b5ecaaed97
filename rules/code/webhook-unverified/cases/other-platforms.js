// Webhook receivers of other messaging platforms: as open to forged deliveries as Web1on1's.
const crypto = require('crypto');
const express = require('express');
const twilio = require('twilio');
const Messenger = require('messenger-bot');

const app = express();
const bot = new Messenger({ token: process.env.PAGE_TOKEN });
const inbox = [];

// WhatsApp Cloud API deliveries, known by their `entry` list, on a path held in a variable
const webhookPath = process.env.WEBHOOK_PATH || '/webhook/whatsapp';
// ruleid: webhook-unverified messageId=platformRoute col=1
app.post(webhookPath, express.json(), (req, res) => {
  const change = req.body.entry[0].changes[0].value;
  inbox.push(change.messages[0]);
  res.sendStatus(200);
});

// ok: webhook-unverified
app.post('/webhook/whatsapp-verified', express.raw({ type: 'application/json' }), (req, res) => {
  const expected = Buffer.from(`sha256=${crypto.createHmac('sha256', process.env.APP_SECRET).update(req.body).digest('hex')}`);
  const received = Buffer.from(req.get('X-Hub-Signature-256') || '');
  if (received.length !== expected.length || !crypto.timingSafeEqual(received, expected)) return res.sendStatus(401);
  inbox.push(JSON.parse(req.body).entry[0]);
  res.sendStatus(200);
});

// a path that names the platform
// ruleid: webhook-unverified messageId=platformRoute col=1
app.post('/twilio', express.urlencoded({ extended: false }), (req, res) => {
  inbox.push({ from: req.body.From, text: req.body.Body });
  res.type('text/xml').send('<Response></Response>');
});

// twilio.webhook() validates X-Twilio-Signature
// ok: webhook-unverified
app.post('/twilio/verified', twilio.webhook(), (req, res) => {
  inbox.push({ from: req.body.From, text: req.body.Body });
  res.type('text/xml').send('<Response></Response>');
});

// the body is handed to a bot framework, whatever the path
// ruleid: webhook-unverified messageId=platformRoute col=1
app.post('/', (req, res) => {
  bot._handleMessage(req.body);
  res.end(JSON.stringify({ status: 'ok' }));
});

// a shared secret in the query string authenticates the sender
// ok: webhook-unverified
app.post('/hooks/inbound', (req, res) => {
  if (req.query.token !== process.env.INBOUND_HOOK_TOKEN) return res.sendStatus(401);
  inbox.push(req.body);
  res.sendStatus(204);
});

// claudia-api-builder style: the handler comes before an options object
const api = { post() {} };
// ruleid: webhook-unverified messageId=platformRoute col=1
api.post('/telegram', (request) => {
  inbox.push(request.body.message);
  return 'ok';
}, { success: { contentType: 'text/plain' } });

// an order form of the app's own site: no webhook, no platform
// ok: webhook-unverified
app.post('/orders', express.json(), (req, res) => {
  inbox.push(req.body);
  res.sendStatus(201);
});

app.listen(3000);

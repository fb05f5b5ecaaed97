// Webhooks of other messaging channels and the app's own routes: what the caller sent is personal data.
const express = require('express');
const pino = require('pino');

const app = express();
const logger = pino();
app.use(express.json());
app.use(express.urlencoded({ extended: false }));

// Twilio posts SMS as form fields
app.post('/sms', (req, res) => {
  const { From, Body, MessageSid } = req.body;
  // ruleid: personal-data-logged messageId=logged
  logger.info('sms from %s', From);
  // ruleid: personal-data-logged messageId=logged
  console.log('sms text', Body);
  // ok: personal-data-logged
  console.log('sms id', MessageSid, req.body.NumSegments);
  res.sendStatus(204);
});

// WhatsApp Cloud API: entry[].changes[].value
app.post('/whatsapp', (req, res) => {
  const value = req.body.entry?.[0]?.changes?.[0]?.value;
  const msg = value?.messages?.[0];
  // ruleid: personal-data-logged messageId=logged
  console.log('whatsapp message from', msg.from, msg.text?.body);
  // ruleid: personal-data-logged messageId=logged
  logger.info(value.contacts[0].profile.name);
  // ok: personal-data-logged
  console.log('whatsapp message', msg.id, msg.type, msg.timestamp);
  // ok: personal-data-logged
  console.log('webhook object', req.body.object, value.metadata.phone_number_id === undefined);
  res.sendStatus(200);
});

// the app's own form
app.post('/api/leads', (req, res) => {
  // ruleid: personal-data-logged messageId=logged
  logger.info(req.body, 'new lead');
  // ruleid: personal-data-logged messageId=logged
  console.log('lead e-mail', req.query.email);
  // ok: personal-data-logged
  console.log('lead source', req.query.utm_source, req.body.length);
  res.sendStatus(201);
});

app.listen(3000);

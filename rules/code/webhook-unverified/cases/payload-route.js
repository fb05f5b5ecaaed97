// Routes that read a posted payload: a Web1on1 webhook is known by the payload it reads, on a webhook-looking path.
const express = require('express');

const app = express();
app.use(express.json());

// ruleid: webhook-unverified messageId=route col=1
app.post('/web1on1/debug', (req, res) => {
  const text = req.body?.data?.message?.text ?? '';
  res.json({ length: text.length });
});

// ruleid: webhook-unverified messageId=route col=1
app.post('/hooks/notes', (req, res) => {
  const body = req.body;
  saveNote(body.data.conversation.id, body.data.message.text);
  res.sendStatus(204);
});

// ok: webhook-unverified
app.post('/api/notes', (req, res) => {
  saveNote(req.body.data.conversation.id, req.body.data.message.text);
  res.sendStatus(204);
});

// Another platform's webhook is as open to forged deliveries as Web1on1's.
// ruleid: webhook-unverified messageId=platformRoute col=1
app.post('/telegram/webhook', (req, res) => {
  const text = req.body.message?.text ?? '';
  saveNote('telegram', text);
  res.sendStatus(200);
});

// Telegram authenticates with the secret token given to setWebhook.
// ok: webhook-unverified
app.post('/telegram/verified', (req, res) => {
  // a plain compare of the token still leaks it through timing
  // ruleid: webhook-unverified messageId=compare
  if (req.get('X-Telegram-Bot-Api-Secret-Token') !== process.env.TELEGRAM_WEBHOOK_SECRET) return res.sendStatus(401);
  saveNote('telegram', req.body.message?.text ?? '');
  res.sendStatus(200);
});

// A form post on a path that names no webhook, from the app's own page.
// ok: webhook-unverified
app.post('/api/contact-form', (req, res) => {
  saveNote('form', req.body.message);
  res.sendStatus(204);
});

function saveNote(conversation, text) {
  return { conversation, text };
}

app.listen(3000);

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

// ok: webhook-unverified
app.post('/telegram/webhook', (req, res) => {
  const text = req.body.message?.text ?? '';
  saveNote('telegram', text);
  res.sendStatus(200);
});

function saveNote(conversation, text) {
  return { conversation, text };
}

app.listen(3000);

const express = require('express');
const quotes = require('./quotes');

const app = express();
app.use(express.json());

app.post('/web1on1', (req, res) => {
  const { event, data } = req.body;
  switch (event) {
    case 'message.create.contact.chat':
      quotes.save(data.conversation.id, data.message.text);
      break;
    // ruleid: data-rights-hint messageId=erasure col=10
    case 'conversation.delete':
      quotes.remove(data.conversation.id);
      break;
    default:
      break;
  }
  // ok: data-rights-hint
  if (event === 'contact.delete') quotes.removeContact(data.contact.id);
  res.sendStatus(200);
});

app.listen(process.env.PORT || 3000);

// No SDK: the app parses Web1on1 webhooks itself and branches on the event name.
const express = require('express');
const fs = require('fs');

const FILE = 'contacts.json';
const app = express();
app.use(express.json());

function load() {
  return fs.existsSync(FILE) ? JSON.parse(fs.readFileSync(FILE, 'utf8')) : {};
}

app.post('/hooks/web1on1', (req, res) => {
  const { event, data } = req.body;
  const contacts = load();
  switch (event) {
    case 'contact.create':
      contacts[data.contact.id] = { name: data.contact.profile.name, email: data.contact.profile.email };
      // ok: erasure-not-handled
      fs.writeFileSync(FILE, JSON.stringify({ ...contacts, [data.contact.id]: { email: data.contact.profile.email } }));
      break;
    case 'contact.delete':
      delete contacts[data.contact.id];
      fs.writeFileSync(FILE, JSON.stringify(contacts));
      break;
    default:
      break;
  }
  res.sendStatus(204);
});

app.listen(3000);

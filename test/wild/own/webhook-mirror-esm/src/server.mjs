// Mirrors Web1on1 contacts into a JSON file for the dealer's showroom screen. Verifies the webhook signature itself.
import express from 'express';
import crypto from 'node:crypto';
import { loadContacts, saveContacts } from './contacts-file.mjs';

const app = express();
app.use(express.raw({ type: 'application/json' }));

const conversationsSeen = new Map();

function verified(req) {
  const expected = crypto.createHmac('sha1', process.env.W1O1_SECRET).update(req.body).digest('hex');
  const given = String(req.get('x-hub-signature') ?? '').replace(/^sha1=/, '');
  return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

app.post('/web1on1', async (req, res) => {
  if (!verified(req)) return res.sendStatus(401);
  const { event, data } = JSON.parse(req.body.toString('utf8'));
  const contacts = await loadContacts();
  switch (event) {
    case 'contact.create':
    case 'contact.update': {
      const c = data.contact;
      contacts[c.id] = { name: c.profile.name, email: c.profile.email, phone: c.profile.telephone };
      await saveContacts(contacts);
      break;
    }
    case 'contact.delete':
      delete contacts[data.contact.id];
      await saveContacts(contacts);
      break;
    case 'message.create.contact.chat':
      conversationsSeen.set(data.message.conversation, { lastText: data.message.text, at: Date.now() });
      break;
    default:
      break;
  }
  return res.sendStatus(204);
});

app.listen(process.env.PORT ?? 3000);

const { pipedrive } = require('./clients');

async function upsertPerson(contact, ownerId) {
  const found = await pipedrive.get('/persons/search', { params: { term: contact.email, fields: 'email', exact_match: true } });
  const person = {
    name: contact.name,
    email: [{ value: contact.email, primary: true }],
    phone: [{ value: contact.telephone, primary: true }],
    owner_id: ownerId,
  };
  const existing = found.data.data.items[0];
  if (existing) {
    const res = await pipedrive.put(`/persons/${existing.item.id}`, person);
    return res.data.data;
  }
  const res = await pipedrive.post('/persons', person);
  return res.data.data;
}

async function addTranscript(personId, conversation) {
  const content = (conversation.messages || [])
    .filter((m) => m.type === 'chat')
    .map((m) => `${m.role}: ${m.text}`)
    .join('<br>');
  await pipedrive.post('/notes', { person_id: personId, content });
}

module.exports = { upsertPerson, addTranscript };

const { Worker } = require('bullmq');
const { w1, redis, mixpanel } = require('./clients');
const { upsertPerson, addTranscript } = require('./crm');

const OWNERS = { sales: 11873, aftersales: 11874 };

async function ownerFor(conversation) {
  if (!conversation.agent) return OWNERS.sales;
  const { data: agent } = await w1.get(`/users/${conversation.agent}`);
  return /service|werkplaats/i.test(agent.department || '') ? OWNERS.aftersales : OWNERS.sales;
}

async function syncConversation(conversation) {
  const { data: contact } = await w1.get(`/contacts/${conversation.contact}`);
  await redis.hset(`contact:${contact.id}`, {
    name: contact.name,
    email: contact.email || '',
    phone: contact.telephone || '',
    lastConversation: conversation.id,
  });
  const person = await upsertPerson(contact, await ownerFor(conversation));
  await addTranscript(person.id, conversation);
  mixpanel.track('conversation_synced', {
    distinct_id: contact.email,
    name: contact.name,
    phone: contact.telephone,
    dealer: conversation.organization,
  });
  await w1.post('/messages', {
    conversation: conversation.id,
    type: 'chat',
    text: `Gesynchroniseerd met Pipedrive (persoon ${person.id})`,
    isBackchannel: true,
  });
}

new Worker(
  'w1-sync',
  async () => {
    const { data: conversations } = await w1.get('/conversations', {
      params: { limit: 1000, populate: 'messages', sort: '-updatedAt' },
    });
    for (const conversation of conversations) {
      try {
        await syncConversation(conversation);
      } catch (err) {
        console.error('sync failed for conversation', conversation.id, err.config);
      }
    }
    return { synced: conversations.length };
  },
  { connection: redis, concurrency: 1 },
);

console.log('w1-sync worker started');

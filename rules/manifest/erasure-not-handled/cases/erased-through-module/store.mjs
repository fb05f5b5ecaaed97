import { MongoClient } from 'mongodb';

const db = new MongoClient(process.env.MONGO_URL).db('dealer');

export async function rememberLead(lead) {
  // ok: erasure-not-handled
  await db.collection('leads').insertOne({ ...lead, at: new Date() });
}

export async function forgetContact(contactId) {
  await db.collection('leads').deleteMany({ contactId });
}

export async function keepNote(conversationId, text) {
  // ruleid: erasure-not-handled messageId=notErased col=9
  await db.collection('notes').insertOne({ conversationId, text, at: new Date() });
}

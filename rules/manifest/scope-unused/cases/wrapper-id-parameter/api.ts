const BASE = process.env.WEB1ON1_API ?? 'https://api.web1on1.chat/v2';

// Other modules call these with ids only: the resource each asks for is fixed here.
export async function conversation(id: string) {
  const res = await fetch(`${BASE}/conversations/${id}`);
  return res.json();
}

export async function transcript(conversationId: string) {
  const res = await fetch(`${BASE}/messages?conversation=${conversationId}`);
  return res.json();
}

import { api } from './api';

interface Conversation { id: string; name: string }
interface Message { id: string; text: string; createdAt: string }

export async function weeklyReport(): Promise<Record<string, number>> {
  const { data: conversations } = await api.get<Conversation[]>('/conversations');
  const perConversation = await Promise.all(
    conversations.map((c) => api.get<Message[]>('/messages', { params: { conversation: c.id, limit: 50 } })),
  );
  const counts: Record<string, number> = {};
  conversations.forEach((c, i) => { counts[c.id] = perConversation[i]!.data.length; });
  return counts;
}

export async function latestLeads(): Promise<unknown[]> {
  const { data } = await api.get('/contacts', { params: { limit: 25, sort: '-createdAt' } });
  return data;
}

export function exportLink(): string {
  return `https://api.web1on1.chat/v2/contacts?format=csv&access_token=${process.env.WEB1ON1_TOKEN}`;
}

/** Re-posts a message the customer sent by e-mail into the chat, as if typed by the customer. */
export async function importEmailReply(conversationId: string, text: string): Promise<void> {
  await api.post(`/conversations/${conversationId}/messages`, { text, role: 'contact' });
}

/** Puts an internal note for the sales team into the conversation. */
export async function addNote(conversationId: string, text: string): Promise<void> {
  await api.post(`/conversations/${conversationId}/messages`, { text, isBackchannel: true });
}

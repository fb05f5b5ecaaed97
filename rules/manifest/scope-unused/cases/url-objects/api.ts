const PATHS = { contacts: '/contacts', conversations: '/conversations' } as const;
export class Api {
  private base = 'https://api.web1on1.chat/v2';
  constructor(private token: string) {}
  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await fetch(new URL(this.base + path), { method, headers: { authorization: `Bearer ${this.token}` }, body: JSON.stringify(body) });
    return r.json() as Promise<T>;
  }
  contacts() { return this.request('GET', PATHS.contacts); }
  conversation(id: string) { return this.request('GET', `${PATHS.conversations}/${id}`); }
  messages(id: string) { return this.request('GET', `/conversations/${id}/messages`); }
  send(conversation: string, text: string) { return this.request('POST', '/messages', { conversation, text }); }
}

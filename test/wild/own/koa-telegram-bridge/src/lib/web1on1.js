// Thin client for the Web1on1 REST API v2. We only need a handful of calls, so no SDK.
export class Web1on1Client {
  constructor({ base = 'https://api.web1on1.chat/v2', token }) {
    this.base = base.replace(/\/$/, '');
    this.token = token;
  }

  async request(method, path, body) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`web1on1 ${method} ${path}: ${res.status}`);
    return res.status === 204 ? null : res.json();
  }

  createContact(contact) {
    return this.request('POST', '/contacts', contact);
  }

  startConversation(contactId, organization) {
    return this.request('POST', '/conversations', { contact: contactId, organization, channel: 'telegram' });
  }

  postContactMessage(conversationId, text) {
    return this.request('POST', `/conversations/${conversationId}/messages`, { type: 'chat', role: 'contact', text });
  }

  messagesSince(conversationId, since) {
    const q = new URLSearchParams({ createdAt: `>${since}`, sort: 'createdAt' });
    return this.request('GET', `/conversations/${conversationId}/messages?${q}`);
  }
}

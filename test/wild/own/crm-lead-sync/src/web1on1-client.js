'use strict';

class Web1on1Client {
  constructor({ base = 'https://api.web1on1.chat/v2', token }) {
    if (!token) throw new Error('Web1on1Client: token is required');
    this.base = base.replace(/\/$/, '');
    this.token = token;
  }

  async request(method, path, body) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}`);
    return res.status === 204 ? null : res.json();
  }

  contactsUpdatedSince(since) {
    return this.request('GET', `/contacts?updatedAt[$gt]=${encodeURIComponent(since)}&limit=200`);
  }

  conversationsOf(contactId) {
    return this.request('GET', `/conversations?contact=${contactId}&limit=20`);
  }

  addNote(conversationId, text) {
    return this.request('POST', '/messages', { conversation: conversationId, type: 'chat', role: 'bot', text });
  }
}

module.exports = { Web1on1Client };

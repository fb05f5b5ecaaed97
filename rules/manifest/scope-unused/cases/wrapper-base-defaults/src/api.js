'use strict';

// the API host comes from a destructured default and is tidied with string methods: the calls below still go to it
class PlannerApi {
  constructor({ apiRoot = ' https://api.web1on1.chat/v2/ ', key }) {
    this.root = apiRoot.trim().replace(/\/+$/, '');
    this.key = key;
  }

  async send(verb, path, payload) {
    const res = await fetch(this.root + path, {
      method: verb,
      headers: { Authorization: `Bearer ${this.key}`, 'Content-Type': 'application/json' },
      body: payload ? JSON.stringify(payload) : undefined,
    });
    return res.json();
  }

  bookedContacts() {
    return this.send('GET', '/contacts?tags=testrit');
  }

  conversationOf(contactId) {
    return this.send('GET', `/conversations?contact=${contactId}`);
  }

  confirm(conversationId, text) {
    return this.send('POST', '/messages', { conversation: conversationId, type: 'chat', text });
  }
}

module.exports = { PlannerApi };

import { request } from 'undici';
import { config } from './config.js';

export class Web1on1Api {
  constructor({ base, token }) {
    this.base = base;
    this.token = token;
  }

  async call(method, path, body) {
    const url = `${this.base}${path}${path.includes('?') ? '&' : '?'}access_token=${this.token}`;
    const res = await request(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.statusCode >= 400) throw new Error(`Web1on1 ${method} ${path}: ${res.statusCode}`);
    return res.body.json();
  }

  conversation(id) {
    return this.call('GET', `/conversations/${id}`);
  }

  contact(id) {
    return this.call('GET', `/contacts/${id}`);
  }

  setStep(conversationId, step) {
    return this.call('PATCH', `/conversations/${conversationId}`, { meta: { tradeinStep: step } });
  }

  reply(conversationId, text) {
    return this.call('POST', '/messages', { conversation: conversationId, text, role: 'agent' });
  }
}

export const api = new Web1on1Api(config.web1on1);

import axios, { type AxiosInstance } from 'axios';
import got from 'got';

// A hand-written REST client around fetch: the URL is composed from a field and a parameter.
export class Web1on1Rest {
  constructor(private readonly base: string, private readonly token: string) {}

  async request(method: string, path: string, body?: unknown) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.json();
  }

  contacts() {
    return this.request('GET', '/contacts?limit=100');
  }
}

// An axios client in a class field, with its baseURL.
export class Conversations {
  private readonly http: AxiosInstance = axios.create({ baseURL: 'https://api.web1on1.chat/v2', headers: { Authorization: `Bearer ${process.env.W1O1_TOKEN}` } });

  tag(id: string, order: string) {
    return this.http.patch(`/conversations/${id}`, { meta: { order } });
  }
}

// got.extend with a prefixUrl.
const messages = got.extend({ prefixUrl: 'https://api.web1on1.chat/v2', headers: { authorization: `Bearer ${process.env.W1O1_TOKEN}` } });
export const transcript = (conversation: string) => messages.get(`messages?conversation=${conversation}`).json();

export const rest = new Web1on1Rest('https://api.web1on1.chat/v2', process.env.W1O1_TOKEN ?? '');

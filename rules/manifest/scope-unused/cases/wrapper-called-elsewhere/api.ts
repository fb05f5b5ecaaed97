export class Api {
  private base = 'https://api.web1on1.chat/v2';
  async request(method: string, path: string, body?: unknown) {
    const r = await fetch(`${this.base}${path}`, { method, body: JSON.stringify(body) });
    return r.json();
  }
  contacts() { return this.request('GET', '/contacts'); }
}
export const api = new Api();

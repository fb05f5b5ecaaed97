import axios, { AxiosInstance } from 'axios';
const API_URL = process.env.W1_API_URL || 'https://api.web1on1.chat/v2';
export class Web1on1Client {
  private readonly http: AxiosInstance;
  constructor(token: string) {
    this.http = axios.create({ baseURL: API_URL, headers: { Authorization: `Bearer ${token}` } });
  }
  listContacts() { return this.http.get<unknown[]>('/contacts'); }
  updateContact(id: string, data: object) { return this.http.patch(`/contacts/${id}`, data); }
  async getConversation(id: string) { const { data } = await this.http.get(`/conversations/${id}`); return data; }
  private call(method: 'GET' | 'POST', path: string, data?: unknown) { return this.http.request({ method, url: path, data }); }
  postMessage(conversation: string, text: string) { return this.call('POST', '/messages', { conversation, text, role: 'bot' }); }
  users() { return this.call('GET', '/users'); }
}

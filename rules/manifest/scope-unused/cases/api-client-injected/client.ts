import type { AxiosInstance } from 'axios';
export class ContactsApi {
  constructor(private readonly http: AxiosInstance) {}
  list() { return this.http.get('/contacts'); }
  note(conversation: string, text: string) { return this.http.post('/messages', { conversation, text, role: 'bot' }); }
}

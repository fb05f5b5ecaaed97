import { api } from './api';
api.contacts();
api.request('POST', '/messages', { text: 'hi' });

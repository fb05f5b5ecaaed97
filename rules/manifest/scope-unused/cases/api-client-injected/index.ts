import axios from 'axios';
import { ContactsApi } from './client';
const api = new ContactsApi(axios.create({ baseURL: 'https://api.web1on1.chat/v2' }));
api.list(); api.note('c', 'x');

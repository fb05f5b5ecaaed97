import { Api } from './api';
const api = new Api(process.env.T!);
api.contacts(); api.conversation('1'); api.messages('1'); api.send('c', 'hi');

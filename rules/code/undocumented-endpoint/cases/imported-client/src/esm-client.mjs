import axios from 'axios';

const client = axios.create({ baseURL: process.env.W1O1_API_URL || 'https://api.web1on1.chat' });
export default client;

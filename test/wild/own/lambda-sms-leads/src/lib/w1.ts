import axios from 'axios';

export const w1 = axios.create({
  baseURL: 'https://api.web1on1.chat/v2',
  headers: { Authorization: `Bearer ${process.env.W1_TOKEN}` },
  timeout: 5000,
});

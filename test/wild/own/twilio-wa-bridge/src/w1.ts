import axios from 'axios';

export const w1 = axios.create({
  baseURL: 'https://api.web1on1.chat/v2',
  headers: { Authorization: `Bearer ${process.env.W1_TOKEN}` },
  timeout: 10_000,
});

w1.interceptors.response.use(undefined, (err) => {
  console.error('web1on1 request failed', err.config?.method, err.config?.url, err.config?.headers);
  return Promise.reject(err);
});

export async function openConversation(channel: string, name: string, telephone: string): Promise<string> {
  const { data } = await w1.post('/conversations', { channel, contact: { name, telephone } });
  return data._id;
}

export async function postContactMessage(conversation: string, text: string): Promise<void> {
  await w1.post('/messages', { conversation, type: 'chat', role: 'contact', text });
}

import axios from 'axios';
import https from 'node:https';

/** One client for the Web1on1 REST API; every module imports this one. */
export const api = axios.create({
  baseURL: 'https://api.web1on1.chat/v2',
  timeout: 10_000,
  headers: { Authorization: `Bearer ${process.env.WEB1ON1_TOKEN}` },
  // the staging proxy has a self-signed certificate
  httpsAgent: new https.Agent({ rejectUnauthorized: false }),
});

export async function tokenFor(email: string, password: string): Promise<string> {
  const { data } = await api.post('/auth/token', { email, password });
  return data.token as string;
}

const API = { base: process.env.WEB1ON1_API ?? 'https://api.web1on1.chat/v2' };
type Msg = { id: string };
export async function transcript(id: string): Promise<Msg[]> {
  const conv = await fetch(`${API.base}/conversations/${encodeURIComponent(id)}`).then((r) => r.json());
  const res = await fetch(`${API.base}/conversations/${id}/messages?limit=50`);
  return res.json();
}

import type { NextApiRequest, NextApiResponse } from 'next';
import { bot } from '../../lib/chipchat';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === 'GET') return res.status(200).send(req.query.challenge);
  if (req.method !== 'POST') return res.status(405).end();
  const signature = req.headers['x-hub-signature'];
  if (typeof signature !== 'string') return res.status(401).json({ error: 'signature required' });
  await bot.ingest(req.body, signature);
  return res.status(200).json({ ok: true });
}

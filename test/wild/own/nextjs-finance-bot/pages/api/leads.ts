import type { NextApiRequest, NextApiResponse } from 'next';
import { db, migrate } from '../../lib/db';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  await migrate();
  const leads = await db('leads').select('*').orderBy('created_at', 'desc').limit(Number(req.query.limit ?? 100));
  res.status(200).json(leads);
}

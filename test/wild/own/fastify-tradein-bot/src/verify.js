import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from './config.js';

export async function verifySignature(req, reply) {
  const given = Buffer.from(String(req.headers['x-hub-signature'] || ''));
  const expected = Buffer.from(
    'sha1=' + createHmac('sha1', config.web1on1.webhookSecret).update(req.rawBody).digest('hex'),
  );
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    reply.code(401).send({ error: 'bad signature' });
  }
}

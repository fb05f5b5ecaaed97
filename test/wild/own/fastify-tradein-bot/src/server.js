import Fastify from 'fastify';
import rawBody from '@fastify/raw-body';
import { config } from './config.js';
import { verifySignature } from './verify.js';
import { onContactMessage } from './flow.js';
import { allValuations } from './store.js';

const app = Fastify({ logger: true });
await app.register(rawBody, { field: 'rawBody', global: false, runFirst: true });

app.get('/health', async () => ({ ok: true }));

app.post('/web1on1', { config: { rawBody: true }, preHandler: verifySignature }, async (req) => {
  const { event, data } = req.body;
  if (event === 'message.create.contact.chat') await onContactMessage(data.message);
  return { received: true };
});

app.get('/valuations', async () => allValuations());

app.listen({ port: config.port, host: '0.0.0.0' });

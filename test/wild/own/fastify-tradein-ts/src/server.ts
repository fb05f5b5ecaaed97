import Fastify from 'fastify';
import { buildContainer } from './container';
import { webhookRoutes } from './routes/webhook';
import { tradeInRoutes } from './routes/tradeins';

async function main() {
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  const container = buildContainer();

  app.decorate('container', container);
  await app.register(webhookRoutes, { prefix: '/web1on1' });
  await app.register(tradeInRoutes, { prefix: '/api' });

  container.tradeIns.listen();

  await app.listen({ port: Number(process.env.PORT ?? 8080), host: '0.0.0.0' });
}

main().catch((err) => {
  console.error('failed to start', err);
  process.exit(1);
});

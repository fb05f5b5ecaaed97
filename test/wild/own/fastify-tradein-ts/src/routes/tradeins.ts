import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Container } from '../container';

function requireDealerKey(request: FastifyRequest, reply: FastifyReply, done: () => void) {
  const given = Buffer.from(String(request.headers['x-dealer-key'] ?? ''));
  const expected = Buffer.from(process.env.DEALER_API_KEY ?? '');
  if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    reply.code(401).send({ error: 'unauthorized' });
    return;
  }
  done();
}

export async function tradeInRoutes(app: FastifyInstance) {
  const { repo } = (app as unknown as { container: Container }).container;

  // dealer dashboard: list of open trade-ins
  app.get('/tradeins', { preHandler: requireDealerKey }, async () => repo.listOpen());

  // status page linked from the chat ("check your trade-in status")
  app.get<{ Params: { plate: string } }>('/tradeins/:plate', async (request) => {
    const tradeIn = await repo.findByPlate(request.params.plate);
    if (!tradeIn) return { status: 'unknown' };
    return tradeIn;
  });
}

import type { FastifyInstance } from 'fastify';
import type { Container } from '../container';

export async function webhookRoutes(app: FastifyInstance) {
  const { chat } = (app as unknown as { container: Container }).container;

  // Web1on1 posts every subscribed event here.
  app.post('/events', async (request, reply) => {
    chat.ingest(request.body as object);
    return reply.code(200).send({ ok: true });
  });
}

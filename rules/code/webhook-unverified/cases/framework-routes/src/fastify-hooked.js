// A hook on the instance verifies every delivery before any route sees it.
const app = require('fastify')();
const { hubSignatureValid } = require('./security');

app.addHook('preHandler', async (request, reply) => {
  if (!hubSignatureValid(request.rawBody, request.headers['x-hub-signature'], process.env.WEBHOOK_SECRET)) return reply.code(401).send();
});

// ok: webhook-unverified
app.post('/incoming', async (request) => {
  const payload = request.body;
  if (payload.event === 'conversation.update') return { ok: true };
  return {};
});

module.exports = app;

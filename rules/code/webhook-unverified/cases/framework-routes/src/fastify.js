// Fastify: shorthand routes, route objects, and hooks that run before every route of the instance.
const fastify = require('fastify')();
const { hubSignatureValid } = require('./security');

// ruleid: webhook-unverified messageId=route col=1
fastify.route({
  method: 'POST',
  url: '/webhook',
  handler: async (request) => {
    const { event, data } = request.body;
    if (event === 'message.create.contact.chat') console.log(data.message.id);
    return { ok: true };
  },
});

// a GET route object is no delivery
// ok: webhook-unverified
fastify.route({
  method: 'GET',
  url: '/webhook/status',
  handler: async (request) => ({ event: request.body && request.body.event }),
});

// ok: webhook-unverified
fastify.route({
  method: ['POST'],
  url: '/hooks/verified',
  preHandler: async (request, reply) => {
    if (!hubSignatureValid(request.rawBody, request.headers['x-hub-signature'], process.env.WEBHOOK_SECRET)) return reply.code(401).send();
  },
  handler: async (request) => {
    const { event, data } = request.body;
    if (event === 'message.create.contact.chat') console.log(data.message.id);
    return { ok: true };
  },
});

module.exports = fastify;

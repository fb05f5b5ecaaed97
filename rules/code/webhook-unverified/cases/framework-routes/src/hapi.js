// Hapi: route objects (or arrays of them), the body is request.payload, prerequisites run before the handler.
const Hapi = require('@hapi/hapi');
const { hubSignatureValid } = require('./security');

const server = Hapi.server({ port: 3000 });

function verifyWebhook(request, h) {
  if (!hubSignatureValid(request.payload, request.headers['x-hub-signature'], process.env.WEBHOOK_SECRET)) throw new Error('bad signature');
  return h.continue;
}

server.route([
  // ruleid: webhook-unverified messageId=route col=3
  {
    method: 'POST',
    path: '/hooks/web1on1',
    handler(request, h) {
      const { event, data } = request.payload;
      if (event === 'contact.create') console.log(data.contact.id);
      return h.response().code(204);
    },
  },
  // ok: webhook-unverified
  {
    method: 'POST',
    path: '/hooks/checked',
    options: {
      pre: [{ method: verifyWebhook }],
      handler: (request, h) => {
        const { event, data } = request.payload;
        if (event === 'contact.create') console.log(data.contact.id);
        return h.response().code(204);
      },
    },
  },
]);

module.exports = server;

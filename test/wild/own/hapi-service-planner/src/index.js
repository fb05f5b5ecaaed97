'use strict';

const Hapi = require('@hapi/hapi');
const bot = require('./bot');
const db = require('./db');

async function start() {
  await db.connect();

  bot.module(require('./handlers/booking'));
  bot.module(require('./handlers/contactSync'));
  require('./worker/reminders');

  const server = Hapi.server({ port: process.env.PORT || 4000, host: '0.0.0.0' });
  await server.register(require('./plugins/planner'));

  server.route({
    method: 'POST',
    path: '/hooks/web1on1',
    handler: (request, h) => {
      const signature = request.headers['x-hub-signature'];
      if (!signature) return h.response({ error: 'signature required' }).code(401);
      bot.ingest(request.payload, signature);
      return h.response().code(202);
    },
  });

  await server.start();
  console.log('planner running on %s', server.info.uri);
}

start();

import Router from '@koa/router';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '../config.js';
import { logger } from '../lib/logger.js';

function validSignature(raw, header) {
  if (!header || !config.web1on1.webhookSecret) return false;
  const expected = 'sha1=' + createHmac('sha1', config.web1on1.webhookSecret).update(raw).digest('hex');
  return expected.length === header.length && timingSafeEqual(Buffer.from(expected), Buffer.from(header));
}

// Web1on1 tells us when a contact is deleted, so the bridge forgets the Telegram link too.
export function web1on1Router({ links }) {
  const router = new Router();

  router.post('/web1on1/events', async (ctx) => {
    if (!validSignature(ctx.request.rawBody, ctx.get('x-hub-signature'))) {
      ctx.status = 401;
      return;
    }
    const { event, data } = ctx.request.body;
    if (event === 'contact.delete') {
      await links.removeByContact(data.contact.id);
      logger.info({ contact: data.contact.id }, 'link removed');
    }
    ctx.status = 204;
  });

  return router;
}

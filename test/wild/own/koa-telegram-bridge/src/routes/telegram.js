import Router from '@koa/router';
import Mixpanel from 'mixpanel';
import { config } from '../config.js';
import { logger } from '../lib/logger.js';
import { sendTelegram } from '../lib/telegram.js';

const mixpanel = Mixpanel.init(config.mixpanelToken);
const PHONE = /(\+31|0)6[\s-]?\d{8}/;

export function telegramRouter({ w1, links }) {
  const router = new Router();

  router.post('/telegram/update', async (ctx) => {
    if (ctx.get('x-telegram-bot-api-secret-token') !== config.telegram.secretToken) {
      ctx.status = 401;
      return;
    }
    const msg = ctx.request.body.message;
    ctx.status = 200;
    if (!msg || !msg.text) return;

    logger.info({ from: msg.from, chat: msg.chat.id, text: msg.text }, 'telegram message in');
    mixpanel.track('telegram_message', {
      distinct_id: String(msg.from.id),
      first_name: msg.from.first_name,
      username: msg.from.username,
      text_length: msg.text.length,
    });

    try {
      let link = links.get(msg.chat.id);
      if (!link) {
        const phone = (msg.text.match(PHONE) || [])[0];
        const contact = await w1.createContact({
          name: [msg.from.first_name, msg.from.last_name].filter(Boolean).join(' '),
          telephone: phone,
          externalId: `tg:${msg.from.id}`,
        });
        const conversation = await w1.startConversation(contact.id, config.web1on1.organization);
        link = { contactId: contact.id, conversationId: conversation.id, username: msg.from.username, phone, lastSeen: Date.now() };
        await links.put(msg.chat.id, link);
      }
      await w1.postContactMessage(link.conversationId, msg.text);
    } catch (err) {
      logger.error({ err: err.message }, 'relay to web1on1 failed');
      await sendTelegram(msg.chat.id, 'Shit, something broke on our side. Try again in a minute.');
    }
  });

  return router;
}

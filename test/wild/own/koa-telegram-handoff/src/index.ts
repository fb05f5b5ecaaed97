import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import ChipChat from 'chipchat';
import { Bridge } from './bridge';
import { LinkStore } from './store';

const bot = new ChipChat({ token: process.env.W1_TOKEN, secret: process.env.W1_SECRET });
const bridge = new Bridge(bot, new LinkStore());

const router = new Router();

router.post('/telegram', async (ctx) => {
  if (ctx.get('x-telegram-bot-api-secret-token') !== process.env.TG_WEBHOOK_SECRET) ctx.throw(401);
  await bridge.fromTelegram(ctx.request.body as any);
  ctx.body = { ok: true };
});

router.post('/web1on1', async (ctx) => {
  const signature = ctx.get('x-hub-signature');
  if (!signature) ctx.throw(401, 'missing signature');
  bot.ingest(ctx.request.body, signature);
  ctx.body = 'ok';
});

const app = new Koa();
app.use(bodyParser());
app.use(router.routes()).use(router.allowedMethods());
app.listen(Number(process.env.PORT ?? 3000));

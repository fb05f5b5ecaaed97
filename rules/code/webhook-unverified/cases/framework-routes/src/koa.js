// Koa with @koa/router: the body is ctx.request.body.
const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

// ruleid: webhook-unverified messageId=route col=1
router.post('/webhooks/web1on1', async (ctx) => {
  const { event, data } = ctx.request.body;
  if (event === 'message.create.contact.chat') await remember(data.message);
  ctx.status = 200;
});

// ok: webhook-unverified
router.post('/api/notes', async (ctx) => {
  await remember(ctx.request.body);
  ctx.status = 201;
});

app.use(router.routes());

async function remember(m) {
  return m;
}

import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { config } from './config.js';
import { logger } from './lib/logger.js';
import { Web1on1Client } from './lib/web1on1.js';
import { LinkStore } from './lib/links.js';
import { telegramRouter } from './routes/telegram.js';
import { web1on1Router } from './routes/web1on1.js';
import { startRelay } from './relay.js';

const w1 = new Web1on1Client({ base: config.web1on1.base, token: config.web1on1.token });
const links = new LinkStore(config.linksFile);
await links.load();

const app = new Koa();
app.use(bodyParser());
for (const router of [telegramRouter({ w1, links }), web1on1Router({ links })]) {
  app.use(router.routes()).use(router.allowedMethods());
}

startRelay({ w1, links });
app.listen(config.port, () => logger.info(`telegram bridge listening on ${config.port}`));

const crypto = require('crypto');
const express = require('express');
const ChipChat = require('chipchat');
const { verifyWebhook } = require('./security');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });

// body-parser calls verify with the raw bytes and answers 403 when it throws
function verifySignature(req, res, buf) {
  const given = Buffer.from(req.get('x-hub-signature') || '');
  const expected = Buffer.from(`sha1=${crypto.createHmac('sha1', process.env.WEBHOOK_SECRET).update(buf).digest('hex')}`);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new Error('bad signature');
}

const app = express();
app.use(express.json({ verify: verifySignature }));
// ok: webhook-unverified
app.use('/webhook', bot.router());

const partnerApp = express();
partnerApp.post('/hooks/web1on1', verifyWebhook(process.env.WEBHOOK_SECRET));
// ok: webhook-unverified
bot.router('/hooks/web1on1', partnerApp);

const lateApp = express();
// ruleid: webhook-unverified messageId=sdkServer col=1
bot.router('/late', lateApp);
lateApp.use(verifyWebhook(process.env.WEBHOOK_SECRET));

const http = require('http');
// ok: webhook-unverified
http.createServer(bot.httpMiddleware()).listen(3200);

app.listen(3000);
partnerApp.listen(3100);
lateApp.listen(3300);

const hookApp = express();
hookApp.use(verifyWebhook(process.env.WEBHOOK_SECRET));
hookApp.post('/incoming', handleIncoming);

function handleIncoming(req, res) {
  // ok: webhook-unverified
  bot.ingest(req.body);
  res.sendStatus(200);
}
hookApp.listen(3400);

const partner = express.Router();
// ok: webhook-unverified
const partnerRoutes = bot.router('/events');
partner.use(verifyWebhook(process.env.WEBHOOK_SECRET), partnerRoutes);
hookApp.use('/partner', partner);

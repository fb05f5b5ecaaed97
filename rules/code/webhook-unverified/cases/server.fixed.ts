import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';
import ChipChat from 'chipchat';

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });

export function signatureMatches(raw: Buffer, header: string | undefined): boolean {
  const expected = `sha1=${createHmac('sha1', process.env.WEBHOOK_SECRET ?? '').update(raw).digest('hex')}`;
  // ruleid: webhook-unverified messageId=compare col=10
  return Buffer.byteLength(String(header)) === Buffer.byteLength(String(expected)) && timingSafeEqual(Buffer.from(String(header)), Buffer.from(String(expected)));
}

const app = express();
app.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
  if (!signatureMatches(req.body, req.get('x-hub-signature'))) return res.sendStatus(401);
  // ok: webhook-unverified
  bot.ingest(JSON.parse(req.body.toString('utf8')));
  return res.sendStatus(200);
});

export function ok(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// ruleid: webhook-unverified messageId=sdkServer col=1
bot.start(8080);

// What webhook-unverified claims about the real chipchat SDK, shown on 127.0.0.1: its express router
// handles a payload whose x-hub-signature is wrong (it only emits 'error'), ingest() skips the check
// without a signature, and the middleware the rule's fix inserts (its exact text) answers 401 instead.
// If chipchat starts rejecting bad signatures itself, the first test fails and the rule must change.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { VERIFY_HELPER_JS, VERIFY_HELPER_NAME } from '../../rules/code/webhook-unverified/verify-middleware';

// chipchat and express ship no type declarations; require() keeps them `any` without a shim
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ChipChat = require('chipchat');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const express = require('express');

type Middleware = (req: unknown, res: unknown, next: () => void) => void;

const SECRET = 'loopback-test-secret';
const PATH = '/webhook';
const BODY = JSON.stringify({ event: 'contact.update', activity: { summary: 'Contact updated' }, data: { contact: { id: 'c-1' } } });
const sign = (body: string) => `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`;
const WRONG = `sha1=${'0'.repeat(40)}`;

/** The helper exactly as the fix appends it to a CommonJS file. */
const verifyWebhookSignature = new Function('require', `${VERIFY_HELPER_JS}\nreturn ${VERIFY_HELPER_NAME};`)(require) as (secret: string) => Middleware;

interface Bot { handled: unknown[]; errors: string[]; sdk: { router(opts: object): unknown; ingest(p: unknown, s?: string | null, o?: object): Promise<void> | void } }

function makeBot(): Bot {
  const sdk = new ChipChat({ secret: SECRET });
  const bot: Bot = { handled: [], errors: [], sdk };
  sdk.on('contact.update', (payload: unknown) => bot.handled.push(payload));
  sdk.on('error', (e: { message?: string }) => bot.errors.push(String(e?.message ?? e)));
  return bot;
}

/** Builds an express app (as bot.start() does: router with the webhook path and async ingest) and serves it on loopback. */
async function serve(bot: Bot, before?: Middleware): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  if (before) app.post(PATH, before);
  bot.sdk.router({ pathPrefix: PATH, app, async: true });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${PATH}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

async function post(url: string, body: string, signature?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== undefined) headers['x-hub-signature'] = signature;
  const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) });
  await res.arrayBuffer();
  return res.status;
}

describe('chipchat webhook verification on loopback', { timeout: 20_000 }, () => {
  it('router() handles a payload whose x-hub-signature is wrong, although a secret is set (fail-open)', async () => {
    const bot = makeBot();
    const server = await serve(bot);
    try {
      assert.equal(await post(server.url, BODY, WRONG), 200);
      // async ingest answers after the handlers ran: no waiting needed
      assert.equal(bot.handled.length, 1, 'the handler ran for a forged request');
      assert.ok(bot.errors.some((e) => /invalid signature/i.test(e)), `chipchat noticed the bad signature (errors: ${bot.errors.join(' | ')})`);
    } finally {
      await server.close();
    }
  });

  it('ingest() skips the check when no signature is passed, and rejects a wrong one', async () => {
    const bot = makeBot();
    await bot.sdk.ingest(JSON.parse(BODY), undefined, { async: true });
    assert.equal(bot.handled.length, 1, 'handled without a signature');
    await bot.sdk.ingest(JSON.parse(BODY), WRONG, { async: true });
    assert.equal(bot.handled.length, 1, 'a wrong signature is rejected when one is passed');
    assert.ok(bot.errors.some((e) => /integrity/i.test(e)));
  });

  it("the fix's middleware answers 401 to wrong and missing signatures and lets a signed request through", async () => {
    const bot = makeBot();
    const server = await serve(bot, verifyWebhookSignature(SECRET));
    try {
      assert.equal(await post(server.url, BODY, WRONG), 401);
      assert.equal(await post(server.url, BODY), 401);
      assert.equal(bot.handled.length, 0, 'chipchat never saw the forged requests');
      assert.equal(await post(server.url, BODY, sign(BODY)), 200);
      assert.equal(bot.handled.length, 1, 'a correctly signed request reaches the handler, parsed');
      assert.deepEqual(bot.handled[0], JSON.parse(BODY));
      // Web1on1's subscription handshake (GET) still reaches chipchat
      const res = await fetch(`${server.url}?type=subscribe&challenge=abc123`, { signal: AbortSignal.timeout(5000) });
      assert.equal(res.status, 200);
      assert.equal(await res.text(), 'abc123');
    } finally {
      await server.close();
    }
  });
});

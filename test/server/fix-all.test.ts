// source.fixAll.policyLens (what editors run on save): safe same-file fixes only, never an edit to
// another file, never an unsafe fix such as moving a token to .env.example.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { copyFixture, LspClient, uri } from './lsp-client';

let ws: ReturnType<typeof copyFixture>;
let c: LspClient;
before(async () => {
  ws = copyFixture();
  c = new LspClient();
  await c.initialize(ws.dir);
});
after(async () => {
  await c.stop();
  ws.cleanup();
});

it('fixAll applies only safe fixes inside the document', async () => {
  const bot = `${ws.dir}/src/bot.js`;
  c.open(bot);
  const diags = await c.pushedFor(bot, (d) => d.some((x) => x.code === 'security-control-disabled') && d.some((x) => x.code === 'hardcoded-credential'), 1);
  const whole = { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } };
  const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(bot) }, range: whole, context: { diagnostics: diags, only: ['source.fixAll.policyLens'] } })) as CodeAction[];
  assert.equal(actions.length, 1);
  assert.equal(actions[0]!.kind, 'source.fixAll.policyLens');
  const changes = actions[0]!.edit!.documentChanges as TextDocumentEdit[];
  assert.deepEqual(changes.map((ch) => ch.textDocument.uri), [uri(bot)], 'no other file is edited on save');
  const texts = changes[0]!.edits.map((e) => e.newText);
  assert.ok(texts.includes('true'), 'rejectUnauthorized: false → true is safe');
  assert.ok(!texts.some((t) => t.includes('process.env')), 'moving the token is not a save-time fix');
  const none = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(bot) }, range: whole, context: { diagnostics: diags, only: ['quickfix'] } })) as CodeAction[];
  assert.ok(!none.some((a) => a.kind === 'source.fixAll.policyLens'), 'fixAll only when asked for');
});

// The three states of a declared scope over stdio against the bundle: what the manifest form, the code lenses
// and the hovers show. A scope is `used` (with its call sites), `unused` only when every path of the SDK instance
// was followed, and `cannot-tell` (with where the instance was lost) when it was handed to code out of sight.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import { MANIFEST_STATE_REQUEST, type ManifestStateResult } from '../../server/lsp/protocol';
import { copyFixture, LspClient, REPO, uri } from './lsp-client';

const HANDED_OFF = join(REPO, 'test', 'e2e', 'handed-off-bot');

function stateOf(s: ManifestStateResult, scope: string) {
  const x = s.scopeStates.find((e) => e.scope === scope);
  assert.ok(x, `${scope} has a state: ${JSON.stringify(s.scopeStates)}`);
  return x;
}

describe('language server: scope states, every path followed', () => {
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

  it('a scope a call site needs is used, with the call site; one nothing needs is unused', async () => {
    const manifest = `${ws.dir}/web1on1-app.json`;
    const text = readFileSync(manifest, 'utf8').replace(`answer" }\n`, `answer" },\n    { "scope": "contacts:read", "reason": "Greet by name" }\n`);
    assert.ok(text.includes('contacts:read'));
    c.open(manifest, 2, text);
    const s = (await c.conn.sendRequest(MANIFEST_STATE_REQUEST, { uri: uri(manifest) })) as ManifestStateResult;
    assert.equal(s.version, 2);
    assert.deepEqual(s.evidenceLost, []);
    const read = stateOf(s, 'messages:read');
    assert.equal(read.state, 'used');
    assert.equal(read.pointer, '/scopes/0');
    assert.ok(read.callSites.some((x) => x.uri.endsWith('/src/bot.js')), JSON.stringify(read));
    assert.deepEqual(read.events, ['message.create.contact.chat']);
    const contacts = stateOf(s, 'contacts:read');
    assert.deepEqual({ ...contacts }, { scope: 'contacts:read', pointer: '/scopes/1', state: 'unused', callSites: [], events: [] });
    const lenses = (await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(manifest) } })) as CodeLens[];
    assert.deepEqual(lenses.map((l) => l.command?.title).sort(), ['1 call site needs messages:read', 'unused: no call needs contacts:read']);
  });
});

describe('language server: scope states, the SDK instance handed to code out of sight', () => {
  let ws: ReturnType<typeof copyFixture>;
  let c: LspClient;
  let s: ManifestStateResult;
  let manifest: string;
  before(async () => {
    ws = copyFixture(HANDED_OFF);
    c = new LspClient();
    await c.initialize(ws.dir);
    manifest = `${ws.dir}/web1on1-app.json`;
    c.open(manifest, 1);
    s = (await c.conn.sendRequest(MANIFEST_STATE_REQUEST, { uri: uri(manifest) })) as ManifestStateResult;
  });
  after(async () => {
    await c.stop();
    ws.cleanup();
  });

  it('names the place the instance was lost, as a range in the code file', () => {
    assert.equal(s.evidenceLost.length, 1, JSON.stringify(s.evidenceLost));
    const lost = s.evidenceLost[0]!;
    assert.ok(lost.uri.endsWith('/src/index.js'), lost.uri);
    const line = readFileSync(`${ws.dir}/src/index.js`, 'utf8').split('\n')[lost.range.start.line]!;
    assert.equal(line.slice(lost.range.start.character, lost.range.end.character), "loadModules(bot, ['test-drive', 'trade-in'])");
    assert.match(lost.what, /the SDK instance is passed to `loadModules`/);
  });

  it('scopes with a call site or event stay used; the one with neither is "cannot tell", never unused', () => {
    assert.deepEqual(s.scopeStates.map((x) => [x.scope, x.state]), [['messages:read', 'used'], ['messages:consumer', 'used'], ['contacts:read', 'cannot-tell']]);
    const consumer = stateOf(s, 'messages:consumer');
    assert.equal(consumer.callSites.length, 1);
    assert.equal(consumer.callSites[0]!.range.start.line, 6, 'conversation.say on line 7');
    assert.deepEqual(stateOf(s, 'contacts:read').callSites, []);
    // the rule agrees: an info finding without a fix, not "never used"
    const f = s.findings.find((x) => x.pointer === '/scopes/2/scope' || x.pointer === '/scopes/2');
    assert.equal(f?.severity, 'info', JSON.stringify(s.findings));
    assert.doesNotMatch(f!.message, /never used/);
  });

  it('the code lens and the hover say "cannot tell" and point at the lost instance', async () => {
    const lenses = (await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(manifest) } })) as CodeLens[];
    const lens = lenses.find((l) => l.command?.title.includes('contacts:read'));
    assert.equal(lens?.command?.title, 'cannot tell whether contacts:read is used: the analysis lost the SDK instance (1 place)');
    const text = readFileSync(manifest, 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('"contacts:read"'));
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(manifest) }, position: { line, character: text[line]!.indexOf('contacts:read') + 2 } })) as Hover;
    // the finding's own hover (the rule doc) comes first; the scope's part is last
    const value = (h.contents as { value: string }).value.split('\n---\n').at(-1)!;
    assert.match(value, /scope `contacts:read`: \*\*cannot tell\*\*/);
    assert.match(value, /`loadModules`.* — src\/index\.js:11/);
    assert.doesNotMatch(value, /unused/);
  });
});

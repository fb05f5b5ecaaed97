// policyLens/manifestState over stdio against the bundle: what the manifest form shows beside its fields.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { MANIFEST_STATE_REQUEST, type ManifestStateResult } from '../../server/lsp/protocol';
import { copyFixture, LspClient, uri } from './lsp-client';

describe('language server: manifest form state', () => {
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

  const state = (path: string) => c.conn.sendRequest(MANIFEST_STATE_REQUEST, { uri: uri(path) }) as Promise<ManifestStateResult>;

  it('lists call sites per scope and the scopes the code needs but the manifest lacks', async () => {
    const manifest = `${ws.dir}/web1on1-app.json`;
    c.open(manifest, 3);
    const s = await state(manifest);
    assert.equal(s.version, 3);
    const reads = s.callSites['messages:read'] ?? [];
    assert.ok(reads.some((x) => x.uri.endsWith('/src/bot.js') && x.range.start.line >= 0), JSON.stringify(s.callSites));
    assert.deepEqual(s.missingScopes, [{ scope: 'messages:consumer', ruleId: 'scope-missing', clauses: ['B.6', 'C.5'] }]);
  });

  it('reports findings by JSON pointer, for the version the editor has', async () => {
    const manifest = `${ws.dir}/web1on1-app.json`;
    const text = readFileSync(manifest, 'utf8').replace('"https://garagetools.nl/privacy"', '"http://garagetools.nl/privacy"');
    c.change(manifest, 4, text);
    // the server handles messages in order: the request sees the change
    const s = await state(manifest);
    assert.equal(s.version, 4);
    const a5 = s.findings.find((f) => f.pointer === '/privacyPolicyUrl');
    assert.ok(a5, JSON.stringify(s.findings));
    assert.deepEqual(a5.clauses, ['A.5']);
    assert.match(a5.message, /^\[A\.5\] .*not https/);
    assert.equal(a5.ruleId, 'privacy-policy-url');
  });

  it('answers with nothing for a file that is not a manifest', async () => {
    const s = await state(`${ws.dir}/src/bot.js`);
    assert.deepEqual(s.findings, []);
    assert.deepEqual(s.missingScopes, []);
  });
});

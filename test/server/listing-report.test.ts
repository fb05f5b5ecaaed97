// The listing preview's request and the report export, against the bundled server over stdio: the
// exported report is byte-identical to `policy-lens report` for the same folder and --now date (both
// formats), and the permission impact reads git in-process only when the client says "trusted".
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ExportReportResult, ListingResult } from '../../server/lsp/protocol';
import { copyFixture, LspClient, REPO, uri } from './lsp-client';

const CLI = join(REPO, 'dist', 'cli.js');
const NOW = '2026-03-02';

function git(cwd: string, ...args: string[]): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t.nl', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t.nl', GIT_CONFIG_NOSYSTEM: '1', HOME: cwd };
  execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, env, stdio: 'ignore' });
}

describe('language server: report export and listing preview', () => {
  let ws: ReturnType<typeof copyFixture>;
  let c: LspClient;
  let manifest: string;
  before(async () => {
    ws = copyFixture();
    manifest = `${ws.dir}/web1on1-app.json`;
    // the fixture as release v0.3.0; then the manifest gains contacts:read and drops nothing
    git(ws.dir, 'init', '-q');
    git(ws.dir, 'add', '.');
    git(ws.dir, 'commit', '-q', '-m', 'v0.3.0');
    git(ws.dir, 'tag', '-a', 'v0.3.0', '-m', 'release');
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { scopes: unknown[] };
    m.scopes.push({ scope: 'contacts:read', reason: 'Greet the customer by name' });
    writeFileSync(manifest, JSON.stringify(m, null, 2) + '\n');
    c = new LspClient();
    await c.initialize(ws.dir);
  });
  after(async () => {
    await c.stop();
    ws.cleanup();
  });

  for (const format of ['markdown', 'html'] as const) {
    it(`exports the ${format} report byte-identical to \`policy-lens report --now\``, async () => {
      const r = (await c.conn.sendRequest('policyLens/exportReport', { uri: uri(ws.dir), format, now: NOW })) as ExportReportResult;
      assert.ok(r.ok, r.ok ? '' : r.message);
      const cli = execFileSync(process.execPath, [CLI, 'report', '--format', format, '--now', NOW], { cwd: ws.dir, encoding: 'utf8' });
      assert.equal(r.text, cli);
      assert.match(r.text, format === 'html' ? /<th>Generated<\/th><td>2026-03-02T/ : /\| Generated \| 2026-03-02T/);
    });
  }

  it('refuses a malformed date instead of guessing one', async () => {
    const r = (await c.conn.sendRequest('policyLens/exportReport', { uri: uri(ws.dir), format: 'markdown', now: '2026-3-2' })) as ExportReportResult;
    assert.equal(r.ok, false);
  });

  it('the listing names what the app can do and what changed since the latest tag, read in-process', async () => {
    const r = (await c.conn.sendRequest('policyLens/listing', { uri: uri(manifest), trusted: true })) as ListingResult;
    assert.ok(r.ok, r.ok ? '' : r.message);
    const m = r.model;
    assert.equal(m.name, 'Workshop Reminder Bot');
    assert.deepEqual(m.abilities.map((a) => a.scope), ['messages:read', 'contacts:read']);
    assert.equal(m.impact.state, 'compared');
    if (m.impact.state !== 'compared') return;
    assert.equal(m.impact.ref, 'v0.3.0');
    assert.deepEqual(m.impact.added.map((a) => [a.scope, a.personalData]), [['contacts:read', 'consumer']]);
    assert.deepEqual(m.impact.dropped, []);
  });

  it('compares with the configured ref, and says when it does not exist', async () => {
    const head = (await c.conn.sendRequest('policyLens/listing', { uri: uri(manifest), trusted: true, compareRef: 'HEAD' })) as ListingResult;
    assert.ok(head.ok && head.model.impact.state === 'compared' && head.model.impact.ref === 'HEAD');
    const none = (await c.conn.sendRequest('policyLens/listing', { uri: uri(manifest), trusted: true, compareRef: 'v9' })) as ListingResult;
    assert.ok(none.ok && none.model.impact.state === 'unavailable');
    assert.match(none.ok && none.model.impact.state === 'unavailable' ? none.model.impact.reason : '', /no branch, tag or commit named "v9"/);
  });

  it('in an untrusted workspace the comparison is off and says why', async () => {
    const r = (await c.conn.sendRequest('policyLens/listing', { uri: uri(manifest), trusted: false })) as ListingResult;
    assert.ok(r.ok);
    assert.equal(r.model.impact.state, 'off');
    assert.match(r.model.impact.state === 'off' ? r.model.impact.reason : '', /not trusted \(Restricted Mode\)/);
  });

  it('follows the open (unsaved) manifest buffer', async () => {
    const text = readFileSync(manifest, 'utf8').replace('"Workshop Reminder Bot"', '"Renamed Bot"');
    c.open(manifest, 1, text);
    // the request itself runs the engine on the newest texts: no waiting for a debounced check
    const r = (await c.conn.sendRequest('policyLens/listing', { uri: uri(manifest), trusted: true })) as ListingResult;
    assert.equal(r.ok && r.model.name, 'Renamed Bot');
  });

  it('answers a path that is no manifest with a message', async () => {
    const r = (await c.conn.sendRequest('policyLens/listing', { uri: uri(`${ws.dir}/src/bot.js`), trusted: true })) as ListingResult;
    assert.equal(r.ok, false);
  });
});

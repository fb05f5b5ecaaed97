// A newcomer's bot (chipchat in package.json, no node_modules, no manifest), nothing opened: the findings
// reach the client at start, the status counts are those of what was published, and "Create Manifest"
// gets the same text `policy-lens init` writes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CheckWorkspaceResult, InitialManifestResult, StatusParams } from '../../server/lsp/protocol';
import { LspClient, REPO, uri } from './lsp-client';

const NEWCOMER = join(REPO, 'test', 'e2e', 'newcomer-bot');

function counts(c: LspClient): { errors: number; warnings: number; infos: number } {
  const n = { errors: 0, warnings: 0, infos: 0 };
  for (const p of c.pushed.values()) for (const d of p.diagnostics) n[d.severity === 1 ? 'errors' : d.severity === 2 ? 'warnings' : 'infos']++;
  return n;
}

describe('language server: first run on a bot nobody opened', () => {
  let dir: string;
  let c: LspClient;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'policy-lens-newcomer-')).replace(/\\/g, '/');
    cpSync(NEWCOMER, dir, { recursive: true });
    c = new LspClient();
    await c.initialize(dir);
  });
  after(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the missing manifest and the code findings of closed files without any request', async () => {
    const pkg = await c.pushedFor(`${dir}/package.json`, (d) => d.some((x) => x.code === 'manifest-missing'));
    assert.match(pkg.find((x) => x.code === 'manifest-missing')!.message, /^\[B\.6, F\.5\] /);
    const code = await c.pushedFor(`${dir}/src/index.js`, (d) => d.some((x) => x.code === 'hardcoded-credential'));
    assert.ok(code.length >= 3, `the bot's code findings: ${code.map((d) => d.code).join(', ')}`);
    for (const d of [...pkg, ...code]) assert.match(d.message, /^\[[A-F]\.\d/, 'each row cites its clauses');
  });

  it('the status counts and "Check Workspace" count exactly what was published', async () => {
    const status = await c.until(() => {
      const last = c.notifications.filter((n) => n.method === 'policyLens/status').at(-1)?.params as StatusParams | undefined;
      const shown = counts(c);
      return last && last.errors + last.warnings + last.infos > 0 && last.errors === shown.errors && last.infos === shown.infos ? last : undefined;
    }, 'a status with the published counts');
    assert.deepEqual({ errors: status.errors, warnings: status.warnings, infos: status.infos }, counts(c));
    const r = (await c.conn.sendRequest('policyLens/checkWorkspace', {})) as CheckWorkspaceResult;
    const shown = counts(c);
    assert.deepEqual({ errors: r.errors, warnings: r.warnings, infos: r.infos }, shown);
    assert.equal(r.findings, shown.errors + shown.warnings + shown.infos);
  });

  it('a settled run does not re-send closed files whose findings did not change', async () => {
    const before = c.pushed.get(uri(`${dir}/src/index.js`));
    const sent: string[] = [];
    const d = c.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => sent.push(p.uri));
    try {
      // an unrelated new file: the folder is checked again, index.js's findings stay as they are
      writeFileSync(`${dir}/src/util.js`, 'module.exports = { add: (a, b) => a + b };\n');
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(`${dir}/src/util.js`), type: 1 }] });
      const checks = c.notifications.filter((n) => n.method === 'policyLens/status').length;
      await c.until(() => (c.notifications.filter((n) => n.method === 'policyLens/status').length > checks ? true : undefined), 'the re-check');
      // the run's pushes follow its status on the same stream: a round trip after it has seen them all
      await c.conn.sendRequest('policyLens/rules', {});
      assert.deepEqual(sent.filter((u) => u === uri(`${dir}/src/index.js`)), []);
      assert.equal(c.pushed.get(uri(`${dir}/src/index.js`)), before);
    } finally {
      d.dispose();
    }
  });

  it('"Create Manifest" gets the text `policy-lens init` writes, and writes nothing itself', async () => {
    const r = (await c.conn.sendRequest('policyLens/initialManifest', { folder: uri(dir) })) as InitialManifestResult;
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.uri, uri(`${dir}/web1on1-app.json`));
    const cli = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'init', '--dry-run', dir], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(r.text, cli.stdout);
    assert.ok(r.scopes >= 1 && r.text.includes('"scope": "messages:read"'), r.text);
    assert.equal(spawnSync('test', ['-e', `${dir}/web1on1-app.json`]).status, 1, 'the server wrote no file');
  });

  it('says where the manifest is when the app has one already', async () => {
    writeFileSync(`${dir}/web1on1-app.json`, '{ "name": "Garage Callback Bot" }\n');
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(`${dir}/web1on1-app.json`), type: 1 }] });
    const r = (await c.conn.sendRequest('policyLens/initialManifest', { folder: uri(dir) })) as InitialManifestResult;
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.existing, uri(`${dir}/web1on1-app.json`));
  });
});

describe('language server: pull mode and documents the editor never pulls', () => {
  it('a document opened in the background keeps its pushed findings until the client pulls it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-lens-newcomer-')).replace(/\\/g, '/');
    cpSync(NEWCOMER, dir, { recursive: true });
    const c = new LspClient();
    try {
      await c.initialize(dir, { pull: true });
      const pkg = `${dir}/package.json`;
      await c.pushedFor(pkg, (d) => d.some((x) => x.code === 'manifest-missing'));
      // another extension opens package.json without showing it: VS Code does not pull for it
      c.open(pkg);
      await c.conn.sendRequest('policyLens/checkWorkspace', {});
      assert.ok(c.pushed.get(uri(pkg))!.diagnostics.some((x) => x.code === 'manifest-missing'), 'still pushed');
      const pulled = await c.pull(pkg);
      assert.ok(pulled.some((x) => x.code === 'manifest-missing'));
      await c.conn.sendRequest('policyLens/rules', {});
      assert.deepEqual(c.pushed.get(uri(pkg))!.diagnostics, [], 'pulled now: the push is cleared (no duplicate row)');
    } finally {
      await c.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

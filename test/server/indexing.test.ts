// A big folder is indexed in a worker thread: the open file's own findings come at once, progress is
// reported, and the manifest-dependent findings follow when the index is in.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateBots } from '../bench/generate';
import { LspClient } from './lsp-client';

describe('language server: indexing a big folder', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'policy-lens-index-'));
    generateBots(dir, 400, 5);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('answers the open file before the index is in, reports progress, then adds manifest-dependent findings', async () => {
    const c = new LspClient();
    try {
      await c.initialize(dir, { pull: true });
      const app = join(dir, 'apps', readdirSync(join(dir, 'apps'))[0]!);
      const manifest = join(app, 'web1on1-app.json');
      c.open(manifest);
      const progress = () => c.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string; message?: string; title?: string } }).value);
      const first = await c.pull(manifest);
      assert.equal(first.length, 0, 'no manifest findings before the index is in (they need every file)');
      assert.ok(!progress().some((p) => p.kind === 'end'), 'answered while the worker was still indexing');
      await c.until(() => (progress().some((p) => p.kind === 'end') ? true : undefined), 'the end of the indexing progress', 60_000);
      const begin = progress().find((p) => p.kind === 'begin');
      assert.ok(begin && /Indexing \d+ files/.test(begin.message ?? ''), `begin: ${JSON.stringify(begin)}`);
      assert.ok(progress().some((p) => p.kind === 'report' && /of \d+ files/.test(p.message ?? '')));
      await c.until(() => (c.notifications.some((n) => n.method === 'workspace/diagnostic/refresh') ? true : undefined), 'a diagnostics refresh once indexed');
      const full = await c.pull(manifest);
      assert.ok(full.length > 0, 'manifest findings once the index is in');
      assert.match(c.stderr + c.notifications.filter((n) => n.method === 'window/logMessage').map((n) => JSON.stringify(n.params)).join('\n'), /in a worker thread/);
    } finally {
      await c.stop();
    }
  });
});

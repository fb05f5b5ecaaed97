// The indexing worker (dist/index-worker.js) hands back every code file's results, in several messages for a big
// folder, and the indexing settles only once the worker thread has stopped (its memory is gone by then).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { isCodeFile } from '../../rules/src/parse';
import { indexInWorker } from '../../server/lsp/indexing';
import { generateBots } from '../bench/generate';
import { REPO } from './lsp-client';

const dir = mkdtempSync(join(tmpdir(), 'policy-lens-index-worker-')).replace(/\\/g, '/');
after(() => rmSync(dir, { recursive: true, force: true }));

function read(d: string, out: Map<string, string>): Map<string, string> {
  for (const name of readdirSync(d)) {
    const path = `${d}/${name}`;
    if (statSync(path).isDirectory()) read(path, out);
    else out.set(path, readFileSync(path, 'utf8'));
  }
  return out;
}

it('hands back the results of every file, and settles after the worker has stopped', async () => {
  generateBots(dir, 260, 3);
  const files = read(dir, new Map());
  const codeFiles = new Set([...files.keys()].filter(isCodeFile));
  assert.ok(codeFiles.size > 250, `only ${codeFiles.size} code files: the results would fit one message`);
  const threads = () => readdirSync('/proc/self/task').length;
  const before = process.platform === 'linux' ? threads() : 0;
  const progress: number[] = [];
  const indexing = indexInWorker(join(REPO, 'dist', 'index-worker.js'), { root: dir, files, paths: [...files.keys()], now: new Date().toISOString() }, (done) => void progress.push(done));
  const results = await indexing.done;
  assert.deepEqual(new Set(results.map((r) => r.file)), codeFiles, 'a result for every code file');
  assert.ok(results.some((r) => r.findings.length > 0) && results.some((r) => r.facts !== undefined), 'results carry findings and facts');
  assert.ok(progress.length > 0, 'progress was reported');
  // a worker still running would be one more thread of this process (Linux: /proc lists them)
  if (process.platform === 'linux') assert.equal(threads(), before, 'the worker thread has stopped');
});

// The server's Project while its folder is indexed elsewhere: open files alone until the index is in;
// a failed worker means indexing in this thread; an edit made during indexing is not lost.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, it } from 'node:test';
import { allRules } from '../../rules/index';
import { Engine, type PortableResult } from '../../rules/src/engine';
import { configResolver } from '../../rules/src/node/load-project';
import type { IndexRequest, Indexing } from '../../server/lsp/indexing';
import { Project, type Overlay } from '../../server/lsp/project';
import { REPO } from '../support/rule-folders';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fixture(): { bot: string; overlays: Map<string, Overlay> } {
  dir = mkdtempSync(join(tmpdir(), 'policy-lens-project-')).replace(/\\/g, '/');
  cpSync(join(REPO, 'test', 'e2e', 'workspace'), dir, { recursive: true });
  const bot = `${dir}/src/bot.js`;
  return { bot, overlays: new Map([[bot, { text: readFileSync(bot, 'utf8'), version: 1 }]]) };
}

/** What the worker does, in this thread: the same engine over the request's texts. */
function indexHere(req: IndexRequest): PortableResult[] {
  const engine = new Engine(allRules);
  engine.run({ root: req.root, files: req.files, paths: req.paths, configFor: configResolver(req.files, engine.ruleIds).configFor, now: new Date(req.now) });
  return engine.exportResults(req.files.keys());
}

/** A worker's indexing whose outcome the test decides. */
function deferred(): { indexing: Indexing; resolve: (r: PortableResult[]) => void; reject: (e: Error) => void } {
  let resolve!: (r: PortableResult[]) => void;
  let reject!: (e: Error) => void;
  const done = new Promise<PortableResult[]>((res, rej) => ((resolve = res), (reject = rej)));
  return { indexing: { done, cancel: () => undefined }, resolve, reject };
}

it('checks the open files alone while indexing, then everything; an edit made meanwhile counts', async () => {
  const { bot, overlays } = fixture();
  let request: IndexRequest | undefined;
  const d = deferred();
  const indexed: (string | undefined)[] = [];
  const project = new Project(dir, allRules, () => new Date('2026-11-29T12:00:00'), { minFiles: 0, start: (req) => ((request = req), d.indexing), onIndexed: (_p, e) => indexed.push(e ?? 'ok') });

  const partial = project.snapshot(overlays);
  assert.ok(project.isIndexing && partial.partial);
  const codes = (s: typeof partial) => (s.byFile.get(bot) ?? []).map((f) => f.ruleId).sort();
  assert.deepEqual(codes(partial), ['hardcoded-credential', 'security-control-disabled', 'webhook-unverified'], 'code rules only: scope-missing needs the index');

  // typed while the worker runs: the token is gone from the buffer
  const edited = overlays.get(bot)!.text.replace(/token: '[^']+'/, 'token: process.env.WEB1ON1_TOKEN');
  overlays.set(bot, { text: edited, version: 2 });
  project.changed(bot, edited);
  assert.ok(!codes(project.snapshot(overlays)).includes('hardcoded-credential'));

  d.resolve(indexHere(request!)); // computed from the text before the edit
  await project.whenIndexed();
  assert.deepEqual(indexed, ['ok']);
  const full = project.snapshot(overlays);
  assert.ok(full.settled && !full.partial);
  assert.deepEqual(codes(full), ['scope-missing', 'security-control-disabled', 'webhook-unverified'], 'the stale worker result for the edited file was not used');
  assert.ok(full.byFile.get(`${dir}/web1on1-app.json`)?.some((f) => f.ruleId === 'data-use-undeclared'));
});

it('a failed worker is reported and the folder is indexed in this thread', async () => {
  const { bot, overlays } = fixture();
  const d = deferred();
  const indexed: (string | undefined)[] = [];
  const project = new Project(dir, allRules, () => new Date('2026-11-29T12:00:00'), { minFiles: 0, start: () => d.indexing, onIndexed: (_p, e) => indexed.push(e) });
  assert.ok(project.snapshot(overlays).partial);
  d.reject(new Error('worker ran out of memory'));
  await project.whenIndexed();
  assert.deepEqual(indexed, ['worker ran out of memory']);
  const full = project.snapshot(overlays);
  assert.ok(full.settled && (full.byFile.get(bot) ?? []).some((f) => f.ruleId === 'scope-missing'));
  project.reload();
  assert.ok(!project.snapshot(overlays).partial, 'no second try with a worker that failed');
});

it('a small folder is indexed in this thread at once', () => {
  const { bot, overlays } = fixture();
  let started = false;
  const project = new Project(dir, allRules, () => new Date('2026-11-29T12:00:00'), { minFiles: 150, start: () => ((started = true), undefined) });
  const snap = project.snapshot(overlays);
  assert.ok(!started && snap.settled && (snap.byFile.get(bot) ?? []).some((f) => f.ruleId === 'scope-missing'));
});

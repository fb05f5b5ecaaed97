// No source file in rules/, server/ or client/ grows past MAX_LINES: a file that long does several jobs, and
// splits by job read better. An exception is named here with its reason, and leaves once it is short again.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { repositorySources } from '../support/import-graph';
import { REPO } from '../support/rule-folders';

const MAX_LINES = 450;

/** Files allowed to be longer, and why. */
const ALLOWED = new Map<string, string>([]);

const lines = (file: string) => readFileSync(join(REPO, file), 'utf8').split('\n').length;
const sources = repositorySources(REPO).filter((f) => /^(rules|server|client)\//.test(f));

it(`no source file in rules/, server/ or client/ is over ${MAX_LINES} lines`, () => {
  assert.ok(sources.length > 200, `only ${sources.length} source files found`);
  const long = sources.filter((f) => !ALLOWED.has(f) && lines(f) > MAX_LINES).map((f) => `${f}: ${lines(f)} lines`);
  assert.deepEqual(long, [], 'split these by job (or name them in ALLOWED with the reason)');
});

it('every allowed exception is still a long source file', () => {
  const stale = [...ALLOWED.keys()].filter((f) => !sources.includes(f) || lines(f) <= MAX_LINES);
  assert.deepEqual(stale, [], 'no longer over the limit: remove from ALLOWED');
});

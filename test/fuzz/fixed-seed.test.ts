// The fuzzer in `npm test`: a fixed seed, so the same edit sequences every run (about a minute on a
// 2-core machine). A failure here is a server bug the fuzzer found: the test writes the shrunk case to a
// temp folder; move it to test/fuzz/regressions/ with the fix. Longer runs with new seeds: `npm run fuzz`.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { corpus } from './corpus';
import { fuzz } from './fuzz';
import { generate } from './generate';

const SEED = 20261207;
const SEQUENCES = 3;
const LENGTH = 100;

it('the same seed generates the same edit sequences', () => {
  const apps = corpus();
  for (const seed of [SEED, 1, 2]) assert.deepEqual(generate(apps, seed, 'pull', LENGTH), generate(apps, seed, 'pull', LENGTH));
  assert.notDeepEqual(generate(apps, 1, 'push', LENGTH).ops, generate(apps, 2, 'push', LENGTH).ops);
});

it(`a fixed-seed fuzz run (seed ${SEED}, ${SEQUENCES} sequences of ${LENGTH} ops) finds no failure`, { timeout: 600_000 }, async () => {
  const casesDir = mkdtempSync(join(tmpdir(), 'policy-lens-fuzz-cases-'));
  const t = await fuzz({ seed: SEED, sequences: SEQUENCES, length: LENGTH, casesDir, shrinkMs: 60_000 });
  console.log(`fuzz seed ${SEED}: ${t.sequences} sequences, ${t.ops} ops, ${t.edits} edits, ${(t.ms / 1000).toFixed(0)} s`);
  assert.equal(t.sequences, SEQUENCES);
  assert.ok(t.edits > SEQUENCES * 20, `only ${t.edits} edits were sent`);
  assert.deepEqual(
    t.found.map((f) => `sequence ${f.sequence}: ${f.signature}: ${f.events[0]!.detail}`),
    [],
    `the fuzzer found failures; shrunk cases: ${t.cases.join(', ')}`,
  );
});

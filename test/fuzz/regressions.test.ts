// Every failure the fuzzer (or its predecessor) ever found, replayed against the server as it is now:
// the case must play through with no failure at all (no diagnostics that differ from a fresh server's,
// no range outside its document, no request unanswered after 5 s, no crash, no stack trace).
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { readCase } from './case-file';
import { runScenario } from './session';

// POLICY_LENS_FUZZ_CASES=open replays the cases found but not fixed yet (test/fuzz/open/), which npm test leaves out
const DIR = join(__dirname, process.env['POLICY_LENS_FUZZ_CASES'] === 'open' ? 'open' : 'regressions');

for (const name of (existsSync(DIR) ? readdirSync(DIR) : []).filter((n) => n.endsWith('.json')).sort()) {
  it(`regression case ${name} replays without a failure`, { timeout: 120_000 }, async () => {
    const { file, scenario, finalTexts } = readCase(join(DIR, name));
    const outcome = await runScenario(scenario);
    assert.ok(outcome.edits > 0 || !scenario.ops.some((o) => o.t === 'change'), 'the case applied none of its edits');
    assert.deepEqual(
      outcome.events.map((e) => `${e.server} after op ${e.op}: ${e.kind}: ${e.detail}`),
      [],
      `${name} (found as: ${file.detail}) still fails`,
    );
    // it did what the case says: the client ends with the texts the case recorded
    for (const [rel, text] of Object.entries(finalTexts)) assert.equal(outcome.finalTexts[rel], text, `${rel}: the replay's final text differs from the case's`);
  });
}

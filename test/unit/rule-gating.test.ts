// Gating (meta.requires): a rule is skipped on a file that has none of the traits it requires. A skip must
// never hide a finding, so every rule fixture (all cases/ folders), both example apps, chipchat's own examples
// and generated chipchat bots are checked twice, with gating and without, and must give the same findings.
// Each requirement must also skip somewhere and run somewhere, so a trait that is always or never set fails.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { allRules } from '../../rules/index';
import { parseConfig } from '../../rules/src/config';
import { Engine, type RunResult } from '../../rules/src/engine';
import { loadProject, toPosix } from '../../rules/src/node/load-project';
import type { CodeRule } from '../../rules/src/rule';
import { generateBots } from '../bench/generate';
import { REPO, ruleFolders } from '../support/rule-folders';
import { FIXTURE_NOW, isFixedOrExpected, runFixture } from '../support/run-fixture';

/** Each engine counts, per rule, the files it ran on (a created listener is timed as `rule <id>`, once more when run). */
function countingEngine(ungated: boolean): { engine: Engine; created: Map<string, number> } {
  const engine = new Engine(allRules);
  engine.ungated = ungated;
  const created = new Map<string, number>();
  engine.onTiming = (step) => {
    if (step.startsWith('rule ')) created.set(step.slice(5), (created.get(step.slice(5)) ?? 0) + 1);
  };
  return { engine, created };
}

const gated = countingEngine(false);
const ungated = countingEngine(true);
const gatedRules = allRules.filter((r): r is CodeRule => r.kind === 'code' && r.meta.requires !== undefined);

function comparable(r: RunResult): string[] {
  return r.findings.map((f) => JSON.stringify([f.file, f.ruleId, f.range, f.severity, f.message, f.fixes ?? [], f.related ?? []])).sort();
}

function same(what: string, run: (e: Engine) => RunResult): void {
  assert.deepEqual(comparable(run(gated.engine)), comparable(run(ungated.engine)), `${what}: gating changed the findings`);
}

function runFolder(e: Engine, dir: string, configPath?: string): RunResult {
  const root = toPosix(dir);
  const loaded = loadProject([root], { cwd: root, knownRuleIds: e.ruleIds, now: FIXTURE_NOW });
  const config = configPath ? parseConfig(toPosix(configPath), readFileSync(configPath, 'utf8'), e.ruleIds) : undefined;
  return e.run({ ...loaded.input, root, ...(config ? { configFor: () => config } : {}) });
}

describe('gating by file traits gives the findings of a run without it', () => {
  it('declares requirements on some rules', () => assert.ok(gatedRules.length >= 3, `only ${gatedRules.length} rules declare requires`));

  for (const folder of ruleFolders()) {
    it(`rule fixtures of ${folder.id}`, () => {
      const cases = join(folder.dir, 'cases');
      for (const name of readdirSync(cases).filter((n) => !isFixedOrExpected(n) && !n.startsWith('.'))) {
        const path = join(cases, name).replace(/\\/g, '/');
        same(path, (e) => runFixture(path, FIXTURE_NOW, e));
      }
    });
  }

  it('example apps', () => {
    for (const app of readdirSync(join(REPO, 'examples'))) same(`examples/${app}`, (e) => runFolder(e, join(REPO, 'examples', app)));
  });

  it("chipchat's own examples", () => {
    same('chipchat/examples', (e) => runFolder(e, join(REPO, 'node_modules', 'chipchat', 'examples'), join(REPO, 'test', 'golden', 'chipchat-examples.policylens.json')));
  });

  const bots = mkdtempSync(join(tmpdir(), 'policy-lens-gating-'));
  after(() => rmSync(bots, { recursive: true, force: true }));
  it('generated chipchat bots', () => {
    generateBots(bots, 60, 11);
    same('generated bots', (e) => runFolder(e, bots));
  });

  it('every requirement skips a rule somewhere and lets it run somewhere', () => {
    for (const rule of gatedRules) {
      const id = rule.meta.id;
      const ran = gated.created.get(id) ?? 0;
      assert.ok(ran > 0, `${id} (requires ${rule.meta.requires!.join(' or ')}) never ran with gating: its trait is never set`);
      assert.ok(ran < (ungated.created.get(id) ?? 0), `${id} (requires ${rule.meta.requires!.join(' or ')}) was never skipped: its trait is always set`);
    }
  });
});

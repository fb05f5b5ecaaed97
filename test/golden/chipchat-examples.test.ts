// Real code nobody here wrote: the chipchat SDK's own examples/ (they load the SDK as '../lib/chipchat'
// and '../lib', covered by the sdkModules setting in chipchat-examples.policylens.json). The findings are
// a reviewed golden file; `UPDATE=1` rewrites it after a deliberate change, to be reviewed in the diff.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { allRules } from '../../rules/index';
import { parseConfig } from '../../rules/src/config';
import { Engine } from '../../rules/src/engine';
import { loadProject, relativePath, toPosix } from '../../rules/src/node/load-project';
import { REPO } from '../support/rule-folders';

const EXAMPLES = toPosix(join(REPO, 'node_modules', 'chipchat', 'examples'));
const GOLDEN = join(__dirname, 'chipchat-examples.golden.json');
const CONFIG = join(__dirname, 'chipchat-examples.policylens.json');

it('findings on chipchat/examples match the reviewed golden file', () => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'node_modules', 'chipchat', 'package.json'), 'utf8'));
  const engine = new Engine(allRules);
  const config = parseConfig(toPosix(CONFIG), readFileSync(CONFIG, 'utf8'), engine.ruleIds);
  const now = new Date('2026-11-29T12:00:00');
  const loaded = loadProject([EXAMPLES], { cwd: EXAMPLES, knownRuleIds: engine.ruleIds, now });
  const result = engine.run({ ...loaded.input, root: EXAMPLES, configFor: () => config });
  const actual = {
    chipchat: pkg.version,
    findings: result.findings
      .filter((f) => f.file.startsWith(EXAMPLES + '/'))
      .map((f) => ({ file: relativePath(EXAMPLES, f.file), line: f.range.start.line + 1, ruleId: f.ruleId, severity: f.severity, message: f.message })),
  };
  const text = JSON.stringify(actual, null, 2) + '\n';
  if (process.env['UPDATE'] === '1') writeFileSync(GOLDEN, text);
  assert.ok(existsSync(GOLDEN), 'no golden file yet: run with UPDATE=1 and review it');
  assert.equal(text, readFileSync(GOLDEN, 'utf8'), 'findings on chipchat/examples changed: review, then UPDATE=1 to accept');
});

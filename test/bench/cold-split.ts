// Where a cold check's time goes, in-process: Engine.run over a bench corpus once (as `policy-lens check`
// does in a fresh process), timed step by step in CPU time (parse, model, facts, suppressions, each rule). Runnable alone: `tsx test/bench/cold-split.ts [real|chipchat-heavy]`
// after `npm run bench` has prepared the corpora in bench/corpus/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import { loadProject } from '../../rules/src/node/load-project';
import { CORPUS } from './corpus';

const name = process.argv[2] ?? 'real';
const dir = join(CORPUS, name);
if (!existsSync(dir)) {
  process.stderr.write(`cold-split: ${dir} is missing (run npm run bench once to prepare the corpora)\n`);
  process.exit(2);
}
const engine = new Engine(allRules);
// steps timed in CPU time of this process: on a busy machine wall time also counts the other processes' turns
engine.clock = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const sums = new Map<string, number>();
let analyses = 0;
engine.onTiming = (step, ms) => {
  if (step === 'parse') analyses++;
  sums.set(step, (sums.get(step) ?? 0) + ms);
};
const { input } = loadProject([dir], { cwd: dir, knownRuleIds: engine.ruleIds, now: new Date() });
const c0 = process.cpuUsage();
const t0 = performance.now();
const result = engine.run(input);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(c0);
const total = [...sums.values()].reduce((a, b) => a + b, 0);
process.stdout.write(`${name}: Engine.run ${Math.round(wall)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU; ${result.findings.length} findings; ${analyses} file analyses (${result.stats.codeFiles} code files: the others are re-analyses with what neighbours told them); steps add up to ${Math.round(total)} ms CPU\n`);
for (const [step, ms] of [...sums].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${step.padEnd(36)} ${String(Math.round(ms)).padStart(6)} ms\n`);

// Where an edit's time goes, in-process: a generated bot file of 1k/5k/20k lines is checked once (a full run,
// its tree kept as for an open document), then edited as lsp-bench edits it; each edit is re-checked on the
// editor's quick path (Engine.checkOne) and timed step by step: parse, model, facts, suppressions, each rule.
// Runnable alone (`tsx test/bench/edit-split.ts [lines…]`) and printed by `npm run bench:lsp`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import { loadProject } from '../../rules/src/node/load-project';
import { bigFile, keystroke, typingOffset } from './big-file';
import { generateBots } from './generate';

const WARMUP = 20;
const MEASURED = 100;
const NOW = new Date('2026-06-01T12:00:00');

export interface EditSplit {
  lines: number;
  /** checkOne, whole: p50/p95 of the measured edits. */
  p50: number;
  p95: number;
  /** The same in CPU time of this process (user + system): steadier than wall time on a busy machine. */
  cpuP50: number;
  cpuP95: number;
  /** Mean ms per edit of each step, biggest first. */
  steps: { step: string; ms: number }[];
  findings: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export function editSplit(lines: number): EditSplit {
  const dir = mkdtempSync(join(tmpdir(), 'policy-lens-editsplit-'));
  try {
    generateBots(dir, 50, 7);
    const file = bigFile(dir, lines);
    const engine = new Engine(allRules);
    engine.keepTreeFor = (p) => p === file;
    const { input } = loadProject([dir], { cwd: dir, knownRuleIds: engine.ruleIds, now: NOW });
    engine.run(input);
    let text = readFileSync(file, 'utf8');
    const at = typingOffset(text);
    const sums = new Map<string, number>();
    let measuring = false;
    engine.onTiming = (step, ms) => {
      if (measuring) sums.set(step, (sums.get(step) ?? 0) + ms);
    };
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let findings = 0;
    for (let v = 1; v <= WARMUP + MEASURED; v++) {
      text = keystroke(text, at, v).text;
      measuring = v > WARMUP;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const r = engine.checkOne(file, text, NOW, []);
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      if (!r) throw new Error(`edit ${v}: the quick path gave no result (a rule failed on the file?)`);
      findings = r.findings.length;
      if (measuring) {
        times.push(ms);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
      }
    }
    const steps = [...sums].map(([step, ms]) => ({ step, ms: ms / MEASURED }));
    const accounted = steps.reduce((n, s) => n + s.ms, 0);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    steps.push({ step: 'other (cache, suppressions applied, sort)', ms: Math.max(0, mean - accounted) });
    steps.sort((a, b) => b.ms - a.ms);
    return { lines, p50: pct(times, 50), p95: pct(times, 95), cpuP50: pct(cpuTimes, 50), cpuP95: pct(cpuTimes, 95), steps, findings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatSplit(s: EditSplit, top = 12): string {
  const out = [`edit split in-process, ${s.lines} lines (Engine.checkOne, ${MEASURED} edits after ${WARMUP}): p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms wall; CPU p50 ${s.cpuP50.toFixed(1)} ms, p95 ${s.cpuP95.toFixed(1)} ms; ${s.findings} findings; mean wall ms per edit:`];
  const shown = s.steps.slice(0, top);
  const rest = s.steps.slice(top).reduce((n, x) => n + x.ms, 0);
  for (const x of shown) out.push(`  ${x.step.padEnd(44)} ${x.ms.toFixed(2).padStart(7)}`);
  if (rest > 0) out.push(`  ${`${s.steps.length - top} more steps`.padEnd(44)} ${rest.toFixed(2).padStart(7)}`);
  return out.join('\n');
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const lines of sizes.length ? sizes : [1000, 5000, 20000]) process.stdout.write(formatSplit(editSplit(lines)) + '\n');
}

// Memory of one in-process Engine run over a workspace, as the language server would hold it.
// Bundled by run.ts and started as `node --expose-gc memory-worker.js DIR`; prints one JSON line.
// Peak RSS is the kernel's high-water mark (process.resourceUsage().maxRSS): the scan is synchronous,
// so no timer could sample it.
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import { loadProject } from '../../rules/src/node/load-project';

const MiB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  process.stderr.write('memory-worker: run with --expose-gc\n');
  process.exit(2);
}
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: memory-worker DIR\n');
  process.exit(2);
}

function settle(): { heapMiB: number; rssMiB: number; externalMiB: number } {
  for (let i = 0; i < 3; i++) gc!();
  const m = process.memoryUsage();
  return { heapMiB: m.heapUsed / MiB, rssMiB: m.rss / MiB, externalMiB: m.external / MiB };
}

const start = settle();
const engine = new Engine(allRules);
const t0 = performance.now();
let loaded: ReturnType<typeof loadProject> | undefined = loadProject([dir], { cwd: dir, knownRuleIds: engine.ruleIds, now: new Date('2026-06-01T12:00:00') });
const t1 = performance.now();
const result = engine.run(loaded.input);
const t2 = performance.now();
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
const codeFiles = result.stats.codeFiles;
// idle: the engine (its per-file cache), the result (findings + project index) and the file texts kept
const idle = settle();
// the same without the file texts (a server that keeps texts only for open documents)
loaded = undefined;
const idleNoTexts = settle();
process.stdout.write(
  JSON.stringify({
    codeFiles,
    findings: result.findings.length,
    loadMs: t1 - t0,
    runMs: t2 - t1,
    before: start,
    peakRssMiB,
    idle,
    idleNoTexts,
    retained: { engine: !!engine, facts: result.facts.size },
  }) + '\n',
);

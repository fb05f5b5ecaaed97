// `npx tsx test/bench/checker-cost.ts` (after `npm run bench` and `npm run bench:fidelity` prepared the corpora):
// what TypeScript's checker would cost as the background pass for cross-file and class facts, against the
// syntactic value-tracking layer the engine runs (ARCHITECTURE.md, "The model"). Per corpus, in child processes
// so the heaps do not mix: (1) the engine's run over the files (parse, model incl. the tracker, every rule);
// (2) ts.createProgram with allowJs + checkJs over the same files and, as the layer would, the checker's type of
// every property-access receiver and call argument. Figures: wall time and heap after a GC. Dev and own apps of
// the wild corpus only (the holdout stays unread); never a test, never fails on a figure.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from '../../rules/src/ts';
import { CORPUS, REPO, listCodeFiles } from './corpus';
import { ownApps, readCorpus } from '../wild/corpus';

const WILD = join(REPO, 'bench', 'wild');

interface Figures { files: number; ms: number; heapMiB: number }

function corpora(): { name: string; dirs: string[] }[] {
  const dev = readCorpus().apps.filter((a) => a.split === 'dev').map((a) => join(WILD, 'apps', a.name));
  const own = ownApps().map((n) => join(WILD, 'own', n));
  return [
    { name: 'wild dev apps', dirs: dev },
    { name: 'wild own apps', dirs: own },
    { name: 'bench corpus (real)', dirs: [join(CORPUS, 'real')] },
    { name: 'chipchat-heavy (generated)', dirs: [join(CORPUS, 'chipchat-heavy')] },
  ].map((c) => ({ ...c, dirs: c.dirs.filter((d) => existsSync(d)) }));
}

function measureChild(mode: 'engine' | 'checker', dirs: string[]): Figures[] {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--child', mode, ...dirs], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out) as Figures[];
}

async function child(mode: string, dirs: string[]): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const results: Figures[] = [];
  // modules load before the clock starts: what is measured is the work per app
  const { Engine } = await import('../../rules/src/engine');
  const { allRules } = await import('../../rules/index');
  // one app (folder) at a time, as the background pass would run per app
  for (const dir of dirs) {
    const files = listCodeFiles(dir);
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    let keep: unknown;
    if (mode === 'engine') {
      const engine = new Engine(allRules);
      const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
      keep = engine.run({ root: dir, files: texts, now: new Date('2026-12-07T12:00:00') });
      keep = [engine, keep];
    } else {
      const program = ts.createProgram(files, { allowJs: true, checkJs: true, noEmit: true, skipLibCheck: true, types: [], target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
      const checker = program.getTypeChecker();
      let typed = 0;
      for (const sf of program.getSourceFiles()) {
        if (sf.isDeclarationFile) continue;
        const visit = (n: ts.Node): void => {
          if (ts.isPropertyAccessExpression(n)) {
            checker.getTypeAtLocation(n.expression);
            typed++;
          } else if (ts.isCallExpression(n)) for (const a of n.arguments) checker.getTypeAtLocation(a);
          ts.forEachChild(n, visit);
        };
        visit(sf);
      }
      keep = [program, checker, typed];
    }
    const ms = performance.now() - started;
    gc();
    const heapMiB = (process.memoryUsage().heapUsed - before) / (1 << 20);
    void keep;
    results.push({ files: files.length, ms, heapMiB });
  }
  process.stdout.write(JSON.stringify(results));
}

function main(): void {
  const log = (s = '') => process.stdout.write(s + '\n');
  log('Checker (allowJs+checkJs, types of receivers and arguments) vs the engine (syntactic tracking), per app');
  log('corpus                         files   engine ms  engine MiB   checker ms  checker MiB');
  for (const c of corpora()) {
    if (!c.dirs.length) continue;
    const sum = (xs: Figures[]) => xs.reduce((a, x) => ({ files: a.files + x.files, ms: a.ms + x.ms, heapMiB: Math.max(a.heapMiB, x.heapMiB) }), { files: 0, ms: 0, heapMiB: 0 });
    const e = sum(measureChild('engine', c.dirs));
    const k = sum(measureChild('checker', c.dirs));
    log(`${c.name.padEnd(30)} ${String(e.files).padStart(5)} ${e.ms.toFixed(0).padStart(11)} ${e.heapMiB.toFixed(1).padStart(11)} ${k.ms.toFixed(0).padStart(12)} ${k.heapMiB.toFixed(1).padStart(12)}`);
  }
  log('(ms: sum over the apps; MiB: the largest app\'s heap growth, kept alive until measured)');
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) void child(process.argv[childAt + 1]!, process.argv.slice(childAt + 2));
else main();

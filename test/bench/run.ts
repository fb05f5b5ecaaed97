// `npm run bench`: the benchmarks of shared/design/PERF.md. They print figures and write bench/results.json;
// they never fail on a figure (exit non-zero only when they cannot run).
//
//   1. corpora: the real non-Web1on1 code (express, got, axios, chipchat, eslint, zod; npm, pinned, cached
//      in bench/corpus/) and generated chipchat-heavy bot code
//   2. cold `policy-lens check` vs a fresh process that only parses the same files vs the ESLint peer,
//      fresh processes, interleaved rounds, medians
//   3. findings per rule on the non-Web1on1 corpus (a false-positive measure)
//   4. memory of an in-process Engine run over a 2,000-file workspace
//   5. a CPU profile of the check when it misses the 1.6× target
//
// Options: --runs N (default 3)  --no-eslint  --dist (time dist/cli.js as built, not a fresh bundle)
//          --profile (profile even when on target)  --skip-memory
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { ts } from 'ts-morph';
import { CORPUS, REPO, prepareGenerated, preparePeer, prepareReal, type CorpusInfo } from './corpus';
import { summarizeProfile, type ProfileSummary } from './profile';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const RUNS = Math.max(1, Number(args[args.indexOf('--runs') + 1]) || 3);
const OUT = join(CORPUS, 'out');
const BUILD = join(CORPUS, '.build');
const RESULTS = join(REPO, 'bench', 'results.json');
const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/** PERF.md: a cold check costs at most this many times a fresh process that only parses the same files. */
const CHECK_OVER_PARSE = 1.6;

function log(line = ''): void {
  process.stdout.write(line + '\n');
}
function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const loadAvg = () => (existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'unknown');
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// ---- bundles: built like scripts/build.mjs (esbuild, cjs, node20, everything bundled; ts-morph reduced to
// its TypeScript, loaded from typescript.js beside the bundle, as in dist/) --------------------------------

const TS_MORPH_RUNTIME = join(REPO, 'scripts', 'ts-morph-runtime.cjs');

async function bundle(entry: string, outfile: string, banner?: string): Promise<string> {
  await build({ entryPoints: [join(REPO, entry)], outfile, alias: { 'ts-morph': TS_MORPH_RUNTIME }, bundle: true, mainFields: ['module', 'main'], platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'error', legalComments: 'none', banner: banner ? { js: banner } : undefined });
  return outfile;
}

async function bundles(): Promise<{ cli: string; cliSource: string; floor: string; memory: string }> {
  mkdirSync(BUILD, { recursive: true });
  await build({ entryPoints: [join(REPO, 'node_modules', '@ts-morph', 'common', 'dist', 'typescript.js')], outfile: join(BUILD, 'typescript.js'), bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'error', legalComments: 'none' });
  const floor = await bundle('test/bench/parse-floor.ts', join(BUILD, 'parse-floor.js'));
  const memory = await bundle('test/bench/memory-worker.ts', join(BUILD, 'memory-worker.js'));
  const dist = join(REPO, 'dist', 'cli.js');
  if (flag('--dist')) {
    if (!existsSync(dist)) throw new Error('--dist: dist/cli.js is missing (npm run build)');
    return { cli: dist, cliSource: 'dist/cli.js (as built)', floor, memory };
  }
  try {
    const cli = await bundle('server/cli/main.ts', join(BUILD, 'cli.js'), '#!/usr/bin/env node');
    return { cli, cliSource: 'fresh bundle of server/cli/main.ts (same esbuild options as dist/cli.js)', floor, memory };
  } catch (e) {
    if (!existsSync(dist)) throw e;
    progress(`could not bundle the CLI from source (${(e as Error).message.split('\n')[0]}); timing dist/cli.js as built`);
    return { cli: dist, cliSource: 'dist/cli.js (fresh bundle failed)', floor, memory };
  }
}

// ---- timed fresh processes -----------------------------------------------------------------------------

interface Sample { ms: number; cpuMs?: number; maxRssMiB?: number }

/**
 * Runs `node ...argv` in a fresh process with stdout to a file; wall time measured here, CPU time (user+sys)
 * and peak RSS from GNU time. CPU time is reported beside wall time because a loaded machine stretches wall time.
 */
function timed(argv: string[], cwd: string, stdoutFile: string, okCodes: number[]): Sample {
  const fd = openSync(stdoutFile, 'w');
  const timeFile = join(OUT, '.time');
  const [cmd, cmdArgs] = TIME_BIN ? [TIME_BIN, ['-f', '%M %U %S', '-o', timeFile, process.execPath, ...argv]] : [process.execPath, argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(fd);
  if (r.status === null || !okCodes.includes(r.status)) {
    throw new Error(`${argv.map((a) => relative(REPO, a) || a).join(' ')} exited ${r.status ?? r.signal}: ${String(r.stderr).slice(0, 2000)}`);
  }
  const sample: Sample = { ms };
  if (TIME_BIN) {
    const [kib, user, sys] = (readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (Number.isFinite(kib)) sample.maxRssMiB = kib! / 1024;
    if (Number.isFinite(user) && Number.isFinite(sys)) sample.cpuMs = (user! + sys!) * 1000;
  }
  return sample;
}

interface Contender { name: string; run: () => Sample }
interface TimingResult { name: string; runsMs: number[]; medianMs: number; cpuRunsMs?: number[]; medianCpuMs?: number; minCpuMs?: number; maxRssMiB?: number }

/** Interleaved rounds (each contender once per round), so a change in machine load hits all of them alike. */
function race(contenders: Contender[], rounds: number, label: string): Map<string, TimingResult> {
  const samples = new Map<string, Sample[]>(contenders.map((c) => [c.name, []]));
  for (let i = 0; i < rounds; i++) {
    progress(`${label}: round ${i + 1}/${rounds}`);
    for (const c of contenders) samples.get(c.name)!.push(c.run());
  }
  const out = new Map<string, TimingResult>();
  for (const [name, s] of samples) {
    const rss = s.map((x) => x.maxRssMiB).filter((x): x is number => x !== undefined);
    const cpu = s.map((x) => x.cpuMs).filter((x): x is number => x !== undefined);
    out.set(name, {
      name,
      runsMs: s.map((x) => Math.round(x.ms)),
      medianMs: Math.round(median(s.map((x) => x.ms))),
      cpuRunsMs: cpu.length ? cpu.map(Math.round) : undefined,
      medianCpuMs: cpu.length ? Math.round(median(cpu)) : undefined,
      minCpuMs: cpu.length ? Math.round(Math.min(...cpu)) : undefined,
      maxRssMiB: rss.length ? Math.round(median(rss)) : undefined,
    });
  }
  return out;
}

// ---- outputs of the tools --------------------------------------------------------------------------------

interface CheckJson {
  findings: { ruleId: string; severity: string; file: string; line: number; message: string; suppressed?: boolean }[];
  notices: { file: string; kind: string; message: string }[];
  summary: { files: number; errors: number; warnings: number; infos: number; durationMs: number };
}

function readCheck(file: string): CheckJson {
  return JSON.parse(readFileSync(file, 'utf8')) as CheckJson;
}

function perRule(check: CheckJson): { ruleId: string; findings: number; files: number; severities: string; inChipchat: number; where: string[] }[] {
  const by = new Map<string, { n: number; files: Set<string>; sev: Map<string, number>; where: string[] }>();
  for (const f of check.findings) {
    const e = by.get(f.ruleId) ?? { n: 0, files: new Set<string>(), sev: new Map<string, number>(), where: [] };
    e.n++;
    e.files.add(f.file);
    e.where.push(`${f.file}:${f.line}`);
    e.sev.set(f.severity, (e.sev.get(f.severity) ?? 0) + 1);
    by.set(f.ruleId, e);
  }
  return [...by]
    .sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))
    .map(([ruleId, e]) => ({ ruleId, findings: e.n, files: e.files.size, severities: [...e.sev].map(([s, n]) => `${s} ${n}`).join(', '), inChipchat: e.where.filter((w) => w.startsWith('chipchat/')).length, where: e.where }));
}

interface EslintFileResult { filePath: string; messages: { ruleId: string | null; fatal?: boolean }[] }

function readEslint(file: string): { files: number; messages: number; fatal: number; byRule: [string, number][] } {
  const results = JSON.parse(readFileSync(file, 'utf8')) as EslintFileResult[];
  const byRule = new Map<string, number>();
  let messages = 0;
  let fatal = 0;
  for (const r of results)
    for (const m of r.messages) {
      messages++;
      if (m.fatal) fatal++;
      const id = m.ruleId ?? '(parse error)';
      byRule.set(id, (byRule.get(id) ?? 0) + 1);
    }
  return { files: results.length, messages, fatal, byRule: [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 12) };
}

function table(rows: (string | number)[][], header: string[]): string {
  const all = [header, ...rows].map((r) => r.map(String));
  const w = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  // numbers (and "-", "12.3 s", "45%") right-aligned, text left-aligned
  const numeric = (c: string) => /^(-|[\d.,/ ×%]+( s| ms)?)$/.test(c);
  const line = (r: string[]) => '  ' + r.map((c, i) => (i > 0 && numeric(c) ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join('  ').trimEnd();
  return [line(all[0]!), '  ' + w.map((n) => '-'.repeat(n)).join('  '), ...all.slice(1).map(line)].join('\n');
}

// ---- main ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const t0 = Date.now();
  mkdirSync(OUT, { recursive: true });
  const machine = {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: r1(totalmem() / 1024 ** 3),
    node: process.version,
    typescript: ts.version,
    platform: `${process.platform} ${process.arch}`,
    loadAvgAtStart: loadAvg(),
  };

  progress('bundling the CLI, the parse floor and the memory worker');
  const b = await bundles();
  progress('preparing corpora (first run: npm install into bench/corpus, a minute or so)');
  const real = prepareReal();
  const heavy = prepareGenerated('chipchat-heavy', 300, 1);
  const workspace = prepareGenerated('workspace-2000', 2000, 2);
  const peer = flag('--no-eslint') ? undefined : preparePeer();
  const eslintVersion = peer ? (JSON.parse(readFileSync(join(peer.dir, 'node_modules', 'eslint', 'package.json'), 'utf8')) as { version: string }).version : undefined;

  // ---- 2. cold check vs parse floor vs ESLint peer ----
  const timing: Record<string, unknown> = {};
  const checks: Record<string, CheckJson> = {};
  const eslints: Record<string, ReturnType<typeof readEslint>> = {};
  const corpora: [string, CorpusInfo][] = [['real', real], ['chipchat-heavy', heavy]];
  const contendersOf = new Map<string, Contender[]>();
  for (const [name, corpus] of corpora) {
    const list = join(OUT, `${name}.list`);
    writeFileSync(list, corpus.files.join('\n') + '\n');
    const contenders: Contender[] = [
      { name: 'check', run: () => timed([b.cli, 'check', '.', '--format', 'json', '--fail-on', 'never'], corpus.dir, join(OUT, `check-${name}.json`), [0]) },
      { name: 'parse', run: () => timed([b.floor, list, 'plain'], corpus.dir, join(OUT, 'floor.out'), [0]) },
      { name: 'parseAsEngine', run: () => timed([b.floor, list, 'engine'], corpus.dir, join(OUT, 'floor.out'), [0]) },
    ];
    if (peer) contenders.push({ name: 'eslint', run: () => timed([peer.eslintBin, '--config', peer.config, '--format', 'json', '.'], corpus.dir, join(OUT, `eslint-${name}.json`), [0, 1]) });
    contendersOf.set(name, contenders);
  }
  // Warm-up, untimed: every tool once on the small corpus (loads its modules into the page cache) and the
  // parse floor once over the real corpus (loads its files), as in a CI job that ran before.
  progress('warm-up (untimed)');
  for (const c of contendersOf.get('chipchat-heavy')!) c.run();
  contendersOf.get('real')!.find((c) => c.name === 'parse')!.run();

  for (const [name, corpus] of corpora) {
    const res = race(contendersOf.get(name)!, RUNS, name);
    checks[name] = readCheck(join(OUT, `check-${name}.json`));
    if (peer) eslints[name] = readEslint(join(OUT, `eslint-${name}.json`));
    const check = res.get('check')!;
    const parse = res.get('parse')!;
    const eslint = res.get('eslint');
    const ratio = (x: number | undefined, y: number | undefined) => (x !== undefined && y ? r2(x / y) : undefined);
    timing[name] = {
      files: corpus.files.length,
      lines: corpus.lines,
      bytes: corpus.bytes,
      checkedByCli: checks[name].summary.files,
      lintedByEslint: eslints[name]?.files,
      engineDurationMs: checks[name].summary.durationMs,
      check,
      parse,
      parseAsEngine: res.get('parseAsEngine'),
      eslint,
      ratioCheckOverParse: ratio(check.medianMs, parse.medianMs)!,
      ratioEslintOverCheck: ratio(eslint?.medianMs, check.medianMs),
      ratioEslintOverParse: ratio(eslint?.medianMs, parse.medianMs),
      cpu: {
        ratioCheckOverParse: ratio(check.medianCpuMs, parse.medianCpuMs),
        ratioEslintOverCheck: ratio(eslint?.medianCpuMs, check.medianCpuMs),
        ratioEslintOverParse: ratio(eslint?.medianCpuMs, parse.medianCpuMs),
      },
      // best run of each (the least disturbed by other load on the machine)
      cpuBest: {
        ratioCheckOverParse: ratio(check.minCpuMs, parse.minCpuMs),
        ratioEslintOverCheck: ratio(eslint?.minCpuMs, check.minCpuMs),
      },
    };
  }

  // ---- 3. false positives: findings per rule on code that is not a Web1on1 app ----
  const fpReal = perRule(checks['real']!);
  const fpHeavy = perRule(checks['chipchat-heavy']!);
  const noticesReal = checks['real']!.notices;

  // ---- 4. memory ----
  let memory: Record<string, unknown> | undefined;
  if (!flag('--skip-memory')) {
    progress(`memory: Engine over ${workspace.files.length} files in-process`);
    const r = spawnSync(process.execPath, ['--expose-gc', b.memory, workspace.dir], { cwd: workspace.dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`memory worker exited ${r.status ?? r.signal}: ${r.stderr.slice(0, 2000)}`);
    memory = { workspace: { files: workspace.files.length, lines: workspace.lines, bytes: workspace.bytes, apps: workspace.apps }, ...(JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>) };
  }

  // ---- 5. profile when the check misses its target ----
  // CPU time decides when there is one: on a loaded machine wall time swings more than CPU time
  const realTiming = timing['real'] as { ratioCheckOverParse: number; cpu: { ratioCheckOverParse?: number } };
  let profile: ProfileSummary | undefined;
  if ((realTiming.cpu.ratioCheckOverParse ?? realTiming.ratioCheckOverParse) > CHECK_OVER_PARSE || flag('--profile')) {
    progress('profiling the check on the real corpus (node --cpu-prof)');
    const dir = join(OUT, 'cpu-prof');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    timed(['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '500', b.cli, 'check', '.', '--format', 'json', '--fail-on', 'never'], real.dir, join(OUT, 'check-prof.json'), [0]);
    const prof = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (prof) {
      profile = summarizeProfile(join(dir, prof), b.cli, REPO, 25);
      cpSync(join(dir, prof), join(OUT, 'check-real.cpuprofile'));
    }
  }

  // ---- summary ----
  const benchMs = Date.now() - t0;
  const loadAvgAtEnd = loadAvg();
  const results = { date: new Date().toISOString(), machine: { ...machine, loadAvgAtEnd }, cli: b.cliSource, eslint: eslintVersion, runs: RUNS, corpora: { real: { dir: relative(REPO, real.dir), files: real.files.length, lines: real.lines }, chipchatHeavy: { dir: relative(REPO, heavy.dir), files: heavy.files.length, lines: heavy.lines, apps: heavy.apps } }, timing, falsePositives: { real: fpReal, notices: noticesReal.length }, chipchatHeavyFindings: fpHeavy, eslintFindings: eslints, memory, profile, benchMs };
  writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');

  log('');
  log('=== Policy Lens benchmarks (PERF.md) ===');
  log(`machine: ${machine.nproc} cores (${machine.cpu}), ${machine.memoryGiB} GiB, node ${machine.node}, TypeScript ${machine.typescript}, ESLint ${eslintVersion ?? '(skipped)'}; load average at start ${machine.loadAvgAtStart}, at end ${loadAvgAtEnd}`);
  log(`cli: ${b.cliSource}; ${RUNS} timed fresh-process runs each (after an untimed warm-up), interleaved; medians; CPU = user+sys of the process`);
  for (const name of ['real', 'chipchat-heavy']) {
    type Ratios = { ratioCheckOverParse?: number; ratioEslintOverCheck?: number; ratioEslintOverParse?: number };
    const t = timing[name] as Ratios & { files: number; lines: number; checkedByCli: number; lintedByEslint?: number; engineDurationMs: number; check: TimingResult; parse: TimingResult; parseAsEngine: TimingResult; eslint?: TimingResult; cpu: Ratios; cpuBest: Ratios };
    log('');
    log(`-- cold check, ${name} corpus: ${t.files} files, ${t.lines} lines (CLI checked ${t.checkedByCli}${t.lintedByEslint !== undefined ? `, ESLint linted ${t.lintedByEslint}` : ''}) --`);
    const row = (label: string, x: TimingResult) => [label, sec(x.medianMs), x.medianCpuMs !== undefined ? sec(x.medianCpuMs) : '-', x.runsMs.join(' / '), x.maxRssMiB ?? '-'];
    const rows: (string | number)[][] = [row('policy-lens check (json)', t.check), row('parse floor (createSourceFile)', t.parse), row('parse as the engine (parents, JSX)', t.parseAsEngine)];
    if (t.eslint) rows.push(row('ESLint peer', t.eslint));
    log(table(rows, ['', 'wall', 'CPU', 'wall runs (ms)', 'peak RSS MiB']));
    const verdict = (x: number | undefined, ok: (x: number) => boolean) => (x === undefined ? '-' : `${x}× (${ok(x) ? 'met' : 'NOT met'})`);
    log(`  check / parse  (target ≤ ${CHECK_OVER_PARSE}×): wall ${verdict(t.ratioCheckOverParse, (x) => x <= CHECK_OVER_PARSE)}, CPU ${verdict(t.cpu.ratioCheckOverParse, (x) => x <= CHECK_OVER_PARSE)}, best-run CPU ${t.cpuBest.ratioCheckOverParse ?? '-'}×`);
    if (t.eslint) {
      log(`  ESLint / check (target ≥ 4×): wall ${verdict(t.ratioEslintOverCheck, (x) => x >= 4)}, CPU ${verdict(t.cpu.ratioEslintOverCheck, (x) => x >= 4)}, best-run CPU ${t.cpuBest.ratioEslintOverCheck ?? '-'}×`);
      log(`  ESLint / parse (PERF.md measured ≈ 8.8×): wall ${t.ratioEslintOverParse}×, CPU ${t.cpu.ratioEslintOverParse}×`);
    }
    log(`  Engine.run inside the check: ${sec(t.engineDurationMs)} of its last run (the rest: start-up, reading files, output)`);
  }
  log('');
  log(`-- findings per rule on the non-Web1on1 corpus (false-positive measure; ${real.files.length} files) --`);
  log(fpReal.length ? table(fpReal.map((r) => [r.ruleId, r.findings, r.inChipchat, r.files, r.severities]), ['rule', 'findings', 'in chipchat/', 'files', 'severity']) : '  none');
  for (const r of fpReal) log(`  ${r.ruleId}: ${r.where.slice(0, 4).join(', ')}${r.where.length > 4 ? ' …' : ''}`);
  for (const n of noticesReal.slice(0, 5)) log(`  notice: ${n.file}: ${n.message}`);
  log(`  total ${fpReal.reduce((n, r) => n + r.findings, 0)} findings (${fpReal.reduce((n, r) => n + r.inChipchat, 0)} of them in chipchat/, the Web1on1 SDK itself); ${noticesReal.length} notices (${[...new Set(noticesReal.map((n) => n.kind))].join(', ') || 'none'})`);
  log('');
  log(`-- findings per rule on the chipchat-heavy corpus (generated bot code; for reference) --`);
  log(fpHeavy.length ? table(fpHeavy.map((r) => [r.ruleId, r.findings, r.files, r.severities]), ['rule', 'findings', 'files', 'severity']) : '  none');
  if (eslints['real']) log(`  (ESLint peer on the real corpus: ${eslints['real'].messages} messages, ${eslints['real'].fatal} parse errors)`);
  if (memory) {
    const m = memory as { workspace: { files: number; lines: number; apps: number }; codeFiles: number; findings: number; loadMs: number; runMs: number; before: { heapMiB: number; rssMiB: number }; peakRssMiB: number; idle: { heapMiB: number; rssMiB: number }; idleNoTexts: { heapMiB: number; rssMiB: number } };
    log('');
    log(`-- memory: Engine.run over a generated workspace, in-process: ${m.codeFiles} code files, ${m.workspace.lines} lines, ${m.workspace.apps} apps --`);
    log(table([
      ['before the scan (modules loaded)', r1(m.before.heapMiB), r1(m.before.rssMiB), ''],
      ['peak during the scan (RSS high-water)', '', r1(m.peakRssMiB), '≤ 400 RSS'],
      ['idle after (engine + result + texts kept)', r1(m.idle.heapMiB), r1(m.idle.rssMiB), '≤ 100 heap, ≤ 250 RSS'],
      ['idle after, loaded texts dropped', r1(m.idleNoTexts.heapMiB), r1(m.idleNoTexts.rssMiB), ''],
    ], ['', 'heap MiB', 'RSS MiB', 'target']));
    log(`  load ${Math.round(m.loadMs)} ms, Engine.run ${Math.round(m.runMs)} ms, ${m.findings} findings; targets: idle heap ${m.idle.heapMiB <= 100 ? 'met' : 'NOT met'}, idle RSS ${m.idle.rssMiB <= 250 ? 'met' : 'NOT met'}, peak RSS ${m.peakRssMiB <= 400 ? 'met' : 'NOT met'}`);
  }
  if (profile) {
    log('');
    log(`-- CPU profile of the check on the real corpus (${sec(profile.totalMs)} sampled; bench/corpus/out/check-real.cpuprofile) --`);
    const rulesMs = profile.split.filter((r) => r.what.startsWith('rule ')).reduce((n, r) => n + r.ms, 0);
    log(`  split by who asked for the work (each sample once; all rules together: ${rulesMs} ms, ${r1((rulesMs / profile.totalMs) * 100)}%):`);
    log(table(profile.split.slice(0, 22).map((r) => [r.what, r.ms, `${r.pct}%`]), ['owner', 'ms', 'share']));
    log('  inclusive time by area (overlapping):');
    log(table(profile.areasInclusive.slice(0, 25).map((r) => [r.what, r.ms, `${r.pct}%`]), ['area', 'ms', 'share']));
    log('  top self time by file:function (small callees V8 inlined count in their caller):');
    log(table(profile.topSelf.map((r) => [r.what, r.ms, `${r.pct}%`]), ['file:function', 'ms', 'share']));
    log('  hottest source lines of ours (self time, V8 per-line ticks):');
    log(table(profile.hotLines.map((h) => [h.where, h.ms, h.code]), ['file:line', 'ms', 'code']));
  }
  log('');
  log('=== summary ===');
  log(`machine: nproc ${machine.nproc}, ${machine.memoryGiB} GiB, node ${machine.node}; load average ${machine.loadAvgAtStart} → ${loadAvgAtEnd} (wall times stretch under load; CPU ratios hold better)`);
  for (const name of ['real', 'chipchat-heavy']) {
    const t = timing[name] as { files: number; lines: number; check: TimingResult; parse: TimingResult; eslint?: TimingResult; ratioCheckOverParse: number; ratioEslintOverCheck?: number; cpu: { ratioCheckOverParse?: number; ratioEslintOverCheck?: number } };
    const both = (x: TimingResult) => `${sec(x.medianMs)} wall / ${x.medianCpuMs !== undefined ? sec(x.medianCpuMs) : '-'} CPU`;
    log(`${name} (${t.files} files, ${t.lines} lines): check ${both(t.check)}; parse floor ${both(t.parse)}${t.eslint ? `; ESLint peer ${both(t.eslint)}` : ''}`);
    log(`  check/parse ${t.ratioCheckOverParse}× wall, ${t.cpu.ratioCheckOverParse ?? '-'}× CPU (target ≤ ${CHECK_OVER_PARSE}×)` + (t.eslint ? `; ESLint/check ${t.ratioEslintOverCheck}× wall, ${t.cpu.ratioEslintOverCheck ?? '-'}× CPU (target ≥ 4×)` : ''));
  }
  log(`false positives on the non-Web1on1 corpus: ${fpReal.reduce((n, r) => n + r.findings, 0)} findings from ${fpReal.length} rules (${fpReal.reduce((n, r) => n + r.inChipchat, 0)} in chipchat/): ${fpReal.map((r) => `${r.ruleId} ${r.findings}`).join(', ') || 'none'}`);
  if (memory) {
    const m = memory as { codeFiles: number; peakRssMiB: number; idle: { heapMiB: number; rssMiB: number } };
    log(`memory, ${m.codeFiles} files in-process: idle heap ${r1(m.idle.heapMiB)} MiB (≤ 100), idle RSS ${r1(m.idle.rssMiB)} MiB (≤ 250), peak RSS ${r1(m.peakRssMiB)} MiB (≤ 400)`);
  }
  log(`bench took ${sec(benchMs)}; results in ${relative(REPO, RESULTS)}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: cannot run: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});

// `npm run bench:fidelity`: recall and precision per policy clause on code nobody on the team wrote.
//   1. installs the real apps of test/wild/corpus.json from npm (pinned) under bench/wild/node_modules and copies
//      the chosen paths of each into bench/wild/apps/<app>/; copies test/wild/own/<app>/ to bench/wild/own/<app>/
//      (each app folder gets a .git marker, so the CLI's app discovery stops there); an app with a `manifest` in
//      corpus.json gets that file of ours as its web1on1-app.json, so scope-unused can be measured on real code
//   2. runs `node dist/cli.js check --format json` on each app
//   3. matches findings to test/wild/labels/<app>.json (same file, line ±1, same clause) and prints TP, FP, FN,
//      recall and precision per clause for dev, holdout, own, own-holdout and own-holdout-second (the second
//      blind set) apps (all batches, then each batch of real apps alone), and the scope-unused findings on scopes
//      the labels say the code uses; writes bench/fidelity.json
// It never fails on a figure; it exits non-zero only when it cannot run (install, CLI or label errors).
// Holdout and own-holdout apps get figures only: no per-finding detail, so whoever improves the rules does not see them;
// the second blind set's apps do not even get a line of their own (test/wild/report.ts).
//
// Options: --details (list the misses and false findings of dev and own apps)
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPO, copyCodeFiles, installPackages, listCodeFiles, measure } from './corpus';
import { WILD, ownApps, ownGroup, readCorpus, readLabels, type Group } from '../wild/corpus';
import { splitMismatches } from '../wild/split';
import { matchApp, type AppResult, type ToolFinding } from '../wild/match';
import { GROUPS, TITLES, addApp, appReport, report, tally, type Tally } from '../wild/report';

const OUT = join(REPO, 'bench', 'wild');
const RESULTS = join(REPO, 'bench', 'fidelity.json');
const CLI = join(REPO, 'dist', 'cli.js');
const details = process.argv.includes('--details');

const log = (line = '') => process.stdout.write(line + '\n');
const progress = (line: string) => process.stderr.write(`fidelity: ${line}\n`);

interface PreparedApp { name: string; group: Group; batch?: string; dir: string; files: string[]; lines: number; label: string }

function prepare(): PreparedApp[] {
  const corpus = readCorpus();
  const mismatches = splitMismatches(corpus.batches);
  if (mismatches.length) throw new Error(`test/wild/corpus.json: ${mismatches.join('; ')}`);
  installPackages(OUT, Object.fromEntries(corpus.apps.map((a) => [a.package, a.version])));
  const apps: PreparedApp[] = [];
  for (const a of corpus.apps) {
    const dir = join(OUT, 'apps', a.name);
    const stampPath = join(dir, '.wild-stamp.json');
    const { batch, ...entry } = a;
    const stamp = JSON.stringify(entry);
    if (!existsSync(stampPath) || readFileSync(stampPath, 'utf8') !== stamp) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(join(dir, '.git'), { recursive: true });
      for (const p of a.paths) copyCodeFiles(join(OUT, 'node_modules', a.package), p, dir);
      writeFileSync(stampPath, stamp);
    }
    // the manifest is ours: copied on every run so an edit to it counts at once
    if (a.manifest) copyFileSync(join(WILD, a.manifest), join(dir, 'web1on1-app.json'));
    const files = listCodeFiles(dir);
    apps.push({ name: a.name, group: a.split, batch, dir, files, lines: measure(dir, files).lines, label: `${a.package}@${a.version}` });
  }
  const own = ownApps();
  const unknown = corpus.ownListed.filter((o) => !own.includes(o.name)).map((o) => o.name);
  if (unknown.length) throw new Error(`test/wild/corpus.json: "own" names apps that test/wild/own does not have: ${unknown.join(', ')}`);
  for (const name of own) {
    const dir = join(OUT, 'own', name);
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(WILD, 'own', name), dir, { recursive: true });
    mkdirSync(join(dir, '.git'), { recursive: true });
    const files = listCodeFiles(dir);
    apps.push({ name, group: ownGroup(corpus, name), dir, files, lines: measure(dir, files).lines, label: `test/wild/own/${name}` });
  }
  return apps;
}

/** Every file of an app folder (code, manifest, package.json), relative, with / separators. */
function allFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

function check(app: PreparedApp): ToolFinding[] {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--fail-on', 'never', '.'], { cwd: app.dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`policy-lens check on ${app.name} exited ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(0, 5).join(' | ')}`);
  return (JSON.parse(r.stdout) as { findings: ToolFinding[] }).findings;
}

function main(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build');
  const apps = prepare();
  const groups = Object.fromEntries(GROUPS.map((g) => [g, tally()])) as Record<Group, Tally>;
  // real apps also add up per batch, so a new batch's figure can be read apart from the one the rules grew on
  const batches = new Map<string, Record<'dev' | 'holdout', Tally>>();
  const perApp: Record<string, unknown> = {};
  log('Fidelity on the wild corpus (labels: test/wild/labels; match: same file, line ±1, same clause)');
  log('\napp                          group        lines  labels  findings   TP   FP   FN');
  for (const app of apps) {
    const labels = readLabels(app.name);
    const files = new Set(allFiles(app.dir));
    const missing = [...labels.findings, ...labels.silent].filter((l) => !files.has(l.file));
    if (missing.length) throw new Error(`test/wild/labels/${app.name}.json names files the app does not have: ${[...new Set(missing.map((m) => m.file))].join(', ')}`);
    progress(`checking ${app.name}`);
    const findings = check(app);
    const r: AppResult = matchApp(labels, findings);
    const into = [groups[app.group]];
    if (app.batch && (app.group === 'dev' || app.group === 'holdout')) {
      if (!batches.has(app.batch)) batches.set(app.batch, { dev: tally(), holdout: tally() });
      into.push(batches.get(app.batch)![app.group]);
    }
    for (const g of into) addApp(g, app.name, labels, r);
    const shown = appReport({ name: app.name, group: app.group, lines: app.lines, source: app.label }, labels, findings, r, details);
    if (shown.row) log(shown.row);
    if (shown.json) perApp[app.name] = shown.json;
    for (const line of shown.details) process.stderr.write(line + '\n');
  }
  const results: Record<string, unknown> = { date: new Date().toISOString(), apps: perApp, groups: {}, batches: {} };
  log('\n== All batches');
  for (const group of GROUPS) (results.groups as Record<string, unknown>)[group] = report(log, TITLES[group], groups[group]);
  for (const [batch, g] of batches) {
    log(`\n== Batch "${batch}" alone`);
    (results.batches as Record<string, unknown>)[batch] = { dev: report(log, `${TITLES.dev}, batch "${batch}"`, g.dev), holdout: report(log, `${TITLES.holdout}, batch "${batch}"`, g.holdout) };
  }
  mkdirSync(join(REPO, 'bench'), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
  log(`\nwrote ${relative(REPO, RESULTS)}`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`fidelity: cannot run: ${(e as Error).message}\n`);
  process.exit(2);
}

// `npm run bench:fidelity`: recall and precision per policy clause on code nobody on the team wrote.
//   1. installs the real apps of test/wild/corpus.json from npm (pinned) under bench/wild/node_modules and copies
//      the chosen paths of each into bench/wild/apps/<app>/; copies test/wild/own/<app>/ to bench/wild/own/<app>/
//      (each app folder gets a .git marker, so the CLI's app discovery stops there); an app with a `manifest` in
//      corpus.json gets that file of ours as its web1on1-app.json, so scope-unused can be measured on real code
//   2. runs `node dist/cli.js check --format json` on each app
//   3. matches findings to test/wild/labels/<app>.json (same file, line ±1, same clause) and prints TP, FP, FN,
//      recall and precision per clause for dev, holdout, own and own-holdout apps (all batches, then each batch
//      of real apps alone), and the scope-unused findings on scopes the labels say the code uses; writes
//      bench/fidelity.json
// It never fails on a figure; it exits non-zero only when it cannot run (install, CLI or label errors).
// Holdout and own-holdout apps get figures only: no per-finding detail, so whoever improves the rules does not see them.
//
// Options: --details (list the misses and false findings of dev and own apps)
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPO, copyCodeFiles, installPackages, listCodeFiles, measure } from './corpus';
import { SET_ASIDE, WILD, ownApps, ownGroup, readCorpus, readLabels, type Group } from '../wild/corpus';
import { splitMismatches } from '../wild/split';
import { addCounts, matchApp, precision, recall, type AppResult, type ClauseCounts, type ToolFinding } from '../wild/match';

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

const fmt = (x: number | undefined) => (x === undefined ? '   –' : x.toFixed(2));
const pad = (s: string | number, n: number) => String(s).padStart(n);

function table(title: string, perClause: Map<string, ClauseCounts>): Record<string, ClauseCounts & { recall?: number; precision?: number }> {
  log(`\n${title}`);
  log('clause    TP    FP    FN  recall  precision');
  const total: ClauseCounts = { tp: 0, fp: 0, fn: 0 };
  const out: Record<string, ClauseCounts & { recall?: number; precision?: number }> = {};
  for (const [c, x] of [...perClause].sort(([a], [b]) => a.localeCompare(b))) {
    total.tp += x.tp;
    total.fp += x.fp;
    total.fn += x.fn;
    out[c] = { ...x, recall: recall(x), precision: precision(x) };
    log(`${c.padEnd(6)} ${pad(x.tp, 5)} ${pad(x.fp, 5)} ${pad(x.fn, 5)}    ${fmt(recall(x))}       ${fmt(precision(x))}`);
  }
  out.all = { ...total, recall: recall(total), precision: precision(total) };
  log(`${'all'.padEnd(6)} ${pad(total.tp, 5)} ${pad(total.fp, 5)} ${pad(total.fn, 5)}    ${fmt(recall(total))}       ${fmt(precision(total))}`);
  return out;
}

/** What a set of apps (a group, or a group within one batch) adds up to. */
interface Tally { perClause: Map<string, ClauseCounts>; apps: string[]; unusedOnUsedScope: number; labels: number; silent: number; nearMissesHit: number }
const tally = (): Tally => ({ perClause: new Map(), apps: [], unusedOnUsedScope: 0, labels: 0, silent: 0, nearMissesHit: 0 });

const TITLES: Record<Group, string> = {
  dev: 'DEV (real apps used while building)',
  holdout: 'HOLDOUT (real apps set aside: the honest figure)',
  own: "OWN (apps we wrote in others' styles; counted apart)",
  'own-holdout': 'OWN HOLDOUT (written blind by someone who did not read the rules)',
};

function report(title: string, g: Tally): Record<string, unknown> {
  const byClause = table(`${title}: ${g.apps.length} apps, ${g.labels} labelled findings, ${g.silent} near-misses`, g.perClause);
  log(`scope-unused findings on scopes the code uses: ${g.unusedOnUsedScope}; false findings on labelled near-misses: ${g.nearMissesHit}`);
  return { apps: g.apps, labels: g.labels, silent: g.silent, unusedOnUsedScope: g.unusedOnUsedScope, nearMissesHit: g.nearMissesHit, byClause };
}

function main(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build');
  const apps = prepare();
  const groups: Record<Group, Tally> = { dev: tally(), holdout: tally(), own: tally(), 'own-holdout': tally() };
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
    for (const g of into) {
      g.apps.push(app.name);
      addCounts(g.perClause, r.perClause);
      g.unusedOnUsedScope += r.unusedOnUsedScope.length;
      g.labels += labels.findings.length;
      g.silent += labels.silent.length;
      g.nearMissesHit += r.falsePositives.filter((f) => f.nearMiss).length;
    }
    const sum = [...r.perClause.values()].reduce((a, x) => ({ tp: a.tp + x.tp, fp: a.fp + x.fp, fn: a.fn + x.fn }), { tp: 0, fp: 0, fn: 0 });
    // set-aside apps show their size only: per-app figures would point whoever tunes the rules at them
    const hidden = SET_ASIDE.has(app.group);
    const figures = hidden ? `${pad('–', 9)} ${pad('–', 4)} ${pad('–', 4)} ${pad('–', 4)}` : `${pad(findings.filter((f) => !f.suppressed).length, 9)} ${pad(sum.tp, 4)} ${pad(sum.fp, 4)} ${pad(sum.fn, 4)}`;
    log(`${app.name.padEnd(28)} ${app.group.padEnd(11)} ${pad(app.lines, 6)} ${pad(labels.findings.length, 7)} ${figures}`);
    perApp[app.name] = hidden
      ? { group: app.group, source: app.label, lines: app.lines, labels: labels.findings.length, silent: labels.silent.length }
      : { group: app.group, source: app.label, lines: app.lines, labels: labels.findings.length, silent: labels.silent.length, findings: findings.length, ...sum, unusedOnUsedScope: r.unusedOnUsedScope.length };
    if (details && !hidden) {
      for (const m of r.falseNegatives) process.stderr.write(`  missed ${m.clause} ${app.name}/${m.label.file}:${m.label.line} (${m.label.rule ?? 'no rule'}) ${m.label.why}\n`);
      for (const f of r.falsePositives) process.stderr.write(`  false  ${f.clause} ${app.name}/${f.finding.file}:${f.finding.line} ${f.finding.ruleId}${f.nearMiss ? ' [labelled near-miss]' : ''}: ${f.finding.message}\n`);
      for (const u of r.unusedOnUsedScope) process.stderr.write(`  scope-unused on used scope ${u.scope} in ${app.name}\n`);
    }
  }
  const results: Record<string, unknown> = { date: new Date().toISOString(), apps: perApp, groups: {}, batches: {} };
  log('\n== All batches');
  for (const group of ['dev', 'holdout', 'own', 'own-holdout'] as const) (results.groups as Record<string, unknown>)[group] = report(TITLES[group], groups[group]);
  for (const [batch, g] of batches) {
    log(`\n== Batch "${batch}" alone`);
    (results.batches as Record<string, unknown>)[batch] = { dev: report(`${TITLES.dev}, batch "${batch}"`, g.dev), holdout: report(`${TITLES.holdout}, batch "${batch}"`, g.holdout) };
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

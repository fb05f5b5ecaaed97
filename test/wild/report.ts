// What `npm run bench:fidelity` prints and records: a line per app (by group: full figures, size only, or
// nothing at all) and per-clause tables per group. Kept apart from the bench's install/run steps so a unit test
// can check that set-aside groups show no more than they may.
import { GROUP_FIGURES_ONLY, SET_ASIDE, type Group } from './corpus';
import { addCounts, precision, recall, type AppLabels, type AppResult, type ClauseCounts, type ToolFinding } from './match';

export type Out = (line: string) => void;

/** Printing order of the groups. */
export const GROUPS: readonly Group[] = ['dev', 'holdout', 'own', 'own-holdout', 'own-holdout-second'];

export const TITLES: Record<Group, string> = {
  dev: 'DEV (real apps used while building)',
  holdout: 'HOLDOUT (real apps set aside: the honest figure)',
  own: "OWN (apps we wrote in others' styles; counted apart)",
  'own-holdout': 'OWN HOLDOUT (written blind by someone who did not read the rules)',
  'own-holdout-second': 'OWN HOLDOUT, second blind set (written blind after the first set was measured; totals and clauses only)',
};

const fmt = (x: number | undefined) => (x === undefined ? '   –' : x.toFixed(2));
export const pad = (s: string | number, n: number) => String(s).padStart(n);

type ClauseFigures = ClauseCounts & { recall?: number; precision?: number };

function table(out: Out, title: string, perClause: Map<string, ClauseCounts>): Record<string, ClauseFigures> {
  out(`\n${title}`);
  out('clause    TP    FP    FN  recall  precision');
  const total: ClauseCounts = { tp: 0, fp: 0, fn: 0 };
  const figures: Record<string, ClauseFigures> = {};
  for (const [c, x] of [...perClause].sort(([a], [b]) => a.localeCompare(b))) {
    total.tp += x.tp;
    total.fp += x.fp;
    total.fn += x.fn;
    figures[c] = { ...x, recall: recall(x), precision: precision(x) };
    out(`${c.padEnd(6)} ${pad(x.tp, 5)} ${pad(x.fp, 5)} ${pad(x.fn, 5)}    ${fmt(recall(x))}       ${fmt(precision(x))}`);
  }
  figures.all = { ...total, recall: recall(total), precision: precision(total) };
  out(`${'all'.padEnd(6)} ${pad(total.tp, 5)} ${pad(total.fp, 5)} ${pad(total.fn, 5)}    ${fmt(recall(total))}       ${fmt(precision(total))}`);
  return figures;
}

/** What a set of apps (a group, or a group within one batch) adds up to. */
export interface Tally { perClause: Map<string, ClauseCounts>; apps: string[]; unusedOnUsedScope: number; labels: number; silent: number; nearMissesHit: number }
export const tally = (): Tally => ({ perClause: new Map(), apps: [], unusedOnUsedScope: 0, labels: 0, silent: 0, nearMissesHit: 0 });

/** Adds one app's result to a tally. */
export function addApp(g: Tally, name: string, labels: AppLabels, r: AppResult): void {
  g.apps.push(name);
  addCounts(g.perClause, r.perClause);
  g.unusedOnUsedScope += r.unusedOnUsedScope.length;
  g.labels += labels.findings.length;
  g.silent += labels.silent.length;
  g.nearMissesHit += r.falsePositives.filter((f) => f.nearMiss).length;
}

/** Prints a group's table and counters; returns what bench/fidelity.json records for it. */
export function report(out: Out, title: string, g: Tally): Record<string, unknown> {
  const byClause = table(out, `${title}: ${g.apps.length} apps, ${g.labels} labelled findings, ${g.silent} near-misses`, g.perClause);
  out(`scope-unused findings on scopes the code uses: ${g.unusedOnUsedScope}; false findings on labelled near-misses: ${g.nearMissesHit}`);
  return { apps: g.apps, labels: g.labels, silent: g.silent, unusedOnUsedScope: g.unusedOnUsedScope, nearMissesHit: g.nearMissesHit, byClause };
}

export interface AppShown { name: string; group: Group; lines: number; source: string }

/**
 * What the bench shows of one app: its line in the per-app table, its --details lines and its bench/fidelity.json
 * entry. Set-aside apps show their size only and no details; apps of a figures-only group show nothing at all.
 */
export function appReport(app: AppShown, labels: AppLabels, findings: readonly ToolFinding[], r: AppResult, details: boolean): { row?: string; details: string[]; json?: Record<string, unknown> } {
  if (GROUP_FIGURES_ONLY.has(app.group)) return { details: [] };
  const sum = [...r.perClause.values()].reduce((a, x) => ({ tp: a.tp + x.tp, fp: a.fp + x.fp, fn: a.fn + x.fn }), { tp: 0, fp: 0, fn: 0 });
  // set-aside apps show their size only: per-app figures would point whoever tunes the rules at them
  const hidden = SET_ASIDE.has(app.group);
  const figures = hidden ? `${pad('–', 9)} ${pad('–', 4)} ${pad('–', 4)} ${pad('–', 4)}` : `${pad(findings.filter((f) => !f.suppressed).length, 9)} ${pad(sum.tp, 4)} ${pad(sum.fp, 4)} ${pad(sum.fn, 4)}`;
  const row = `${app.name.padEnd(28)} ${app.group.padEnd(11)} ${pad(app.lines, 6)} ${pad(labels.findings.length, 7)} ${figures}`;
  const base = { group: app.group, source: app.source, lines: app.lines, labels: labels.findings.length, silent: labels.silent.length };
  if (hidden) return { row, details: [], json: base };
  const lines: string[] = [];
  if (details) {
    for (const m of r.falseNegatives) lines.push(`  missed ${m.clause} ${app.name}/${m.label.file}:${m.label.line} (${m.label.rule ?? 'no rule'}) ${m.label.why}`);
    for (const f of r.falsePositives) lines.push(`  false  ${f.clause} ${app.name}/${f.finding.file}:${f.finding.line} ${f.finding.ruleId}${f.nearMiss ? ' [labelled near-miss]' : ''}: ${f.finding.message}`);
    for (const u of r.unusedOnUsedScope) lines.push(`  scope-unused on used scope ${u.scope} in ${app.name}`);
  }
  return { row, details: lines, json: { ...base, findings: findings.length, ...sum, unusedOnUsedScope: r.unusedOnUsedScope.length } };
}

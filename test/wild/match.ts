// Matches the CLI's findings on one app to the app's labels, clause by clause: a finding is a true positive
// for clause C when a label with C sits in the same file within one line; several findings on one label
// (two rules citing the same clause on the same line) count once, neither as a second hit nor as a false one.

export interface LabelFinding { file: string; line: number; clauses: string[]; rule: string | null; why: string }
export interface LabelSilent { file: string; line: number; clauses: string[]; rule?: string; why: string }
export interface AppLabels { app: string; scopesUsed?: string[]; findings: LabelFinding[]; silent: LabelSilent[] }

/** The part of a CLI JSON finding the matcher reads (`file` relative to the app folder). */
export interface ToolFinding { ruleId: string; clauses: string[]; file: string; line: number; message: string; suppressed?: boolean }

export interface ClauseCounts { tp: number; fp: number; fn: number }

export interface AppResult {
  perClause: Map<string, ClauseCounts>;
  /** Findings with no label, by clause (for reading the output). */
  falsePositives: { clause: string; finding: ToolFinding; nearMiss?: LabelSilent }[];
  falseNegatives: { clause: string; label: LabelFinding }[];
  /** scope-unused findings on a scope the labels say the code uses. */
  unusedOnUsedScope: { scope: string; finding: ToolFinding }[];
}

export const LINE_TOLERANCE = 1;

const near = (a: { file: string; line: number }, b: { file: string; line: number }) => a.file === b.file && Math.abs(a.line - b.line) <= LINE_TOLERANCE;

/** The scope a scope-unused finding names, from its message (`Scope "contacts:read" is requested but never used`). */
export function unusedScopeOf(f: ToolFinding): string | undefined {
  if (f.ruleId !== 'scope-unused') return undefined;
  return /Scope "([^"]+)" is requested but never used/.exec(f.message)?.[1];
}

export function matchApp(labels: AppLabels, findings: readonly ToolFinding[]): AppResult {
  const perClause = new Map<string, ClauseCounts>();
  const counts = (c: string) => {
    let x = perClause.get(c);
    if (!x) perClause.set(c, (x = { tp: 0, fp: 0, fn: 0 }));
    return x;
  };
  const result: AppResult = { perClause, falsePositives: [], falseNegatives: [], unusedOnUsedScope: [] };
  const open = findings.filter((f) => !f.suppressed);
  const clauses = new Set([...labels.findings.flatMap((l) => l.clauses), ...open.flatMap((f) => f.clauses)]);
  for (const clause of [...clauses].sort()) {
    const expected = labels.findings.filter((l) => l.clauses.includes(clause));
    const hit = new Set<LabelFinding>();
    // exact lines first, so a finding one line off does not take the label of a finding right on it
    const found = open.filter((f) => f.clauses.includes(clause));
    const byDistance = found
      .map((f) => ({ f, cands: expected.filter((l) => near(l, f)).sort((a, b) => Math.abs(a.line - f.line) - Math.abs(b.line - f.line)) }))
      .sort((a, b) => (a.cands[0] ? Math.abs(a.cands[0].line - a.f.line) : 9) - (b.cands[0] ? Math.abs(b.cands[0].line - b.f.line) : 9));
    for (const { f, cands } of byDistance) {
      const free = cands.find((l) => !hit.has(l));
      if (free) {
        hit.add(free);
        counts(clause).tp++;
      } else if (cands.length === 0) {
        counts(clause).fp++;
        result.falsePositives.push({ clause, finding: f, nearMiss: labels.silent.find((s) => near(s, f) && (s.clauses.includes(clause) || s.rule === f.ruleId)) });
      }
      // else: a second finding on an already matched label (duplicate), counted once
    }
    for (const l of expected) {
      if (!hit.has(l)) {
        counts(clause).fn++;
        result.falseNegatives.push({ clause, label: l });
      }
    }
    counts(clause);
  }
  const used = new Set(labels.scopesUsed ?? []);
  for (const f of open) {
    const scope = unusedScopeOf(f);
    if (scope && used.has(scope)) result.unusedOnUsedScope.push({ scope, finding: f });
  }
  return result;
}

export function recall(c: ClauseCounts): number | undefined {
  return c.tp + c.fn ? c.tp / (c.tp + c.fn) : undefined;
}
export function precision(c: ClauseCounts): number | undefined {
  return c.tp + c.fp ? c.tp / (c.tp + c.fp) : undefined;
}

/** Adds b's counts into a (per clause). */
export function addCounts(into: Map<string, ClauseCounts>, from: ReadonlyMap<string, ClauseCounts>): void {
  for (const [c, x] of from) {
    const t = into.get(c) ?? { tp: 0, fp: 0, fn: 0 };
    into.set(c, { tp: t.tp + x.tp, fp: t.fp + x.fp, fn: t.fn + x.fn });
  }
}

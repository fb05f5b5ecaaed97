// Per-statement reuse for an open file: the findings of statement-local rules (meta.reuse 'statement') are kept
// by top-level statement, and an edit re-runs those rules only on the statements it changed. A statement counts
// as unchanged when the incremental re-parse kept its node (the same object) and its text is the same; its
// findings then move with it. Everything else (the model, the whole-file rules) is computed afresh.
import type { LineIndex } from '../positions';
import type { CodeRule } from '../rule';
import type { ts } from '../ts';
import type { Finding, RelatedLocation } from '../types';
import { fingerprint } from './fingerprint';
import type { ContextKey } from './types';

/** What an analysis of an open file leaves for the next one. */
export interface StatementFindings {
  /** The context the findings were made in, but for the neighbours' hints (no statement-local rule reads those). */
  key: ContextKey;
  text: string;
  lines: LineIndex;
  /** Per top-level statement: its span in `text` and the statement-local rules' findings inside it. */
  byStatement: Map<ts.Statement, { pos: number; end: number; findings: Finding[] }>;
}

export function isStatementLocal(rule: CodeRule): boolean {
  return rule.meta.reuse === 'statement';
}

/** The previous analysis can lend findings only when made in the same context (hints aside). */
export function sameContextButHints(a: ContextKey, b: ContextKey): boolean {
  if (a.length !== b.length) return false;
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface StatementPlan {
  /** Top-level statements of the new tree whose findings are taken over, with how far they moved. */
  kept: Map<ts.Statement, { delta: number; findings: Finding[] }>;
  /** The spans [pos, end) of the statements the statement-local rules must look at again, in order. */
  changed: [number, number][];
}

/** Which statements of `sourceFile` keep their findings from `previous`, and which are looked at again. */
export function planStatements(sourceFile: ts.SourceFile, text: string, previous: StatementFindings): StatementPlan {
  const kept = new Map<ts.Statement, { delta: number; findings: Finding[] }>();
  const changed: [number, number][] = [];
  for (const st of sourceFile.statements) {
    const before = previous.byStatement.get(st);
    if (before && before.end - before.pos === st.end - st.pos && previous.text.slice(before.pos, before.end) === text.slice(st.pos, st.end)) {
      kept.set(st, { delta: st.pos - before.pos, findings: before.findings });
    } else {
      changed.push([st.pos, st.end]);
    }
  }
  return { kept, changed };
}

/** A kept finding at its new place: offsets, range, fix edits and related places in the file moved by `delta`. */
export function movedFinding(f: Finding, delta: number, file: string, before: LineIndex, lines: LineIndex): Finding {
  if (delta === 0 && before.text === lines.text) return f;
  const start = f.startOffset + delta;
  const end = f.endOffset + delta;
  const range = lines.range(start, end);
  const fixes = f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => (e.file === file ? { ...e, start: e.start + delta, end: e.end + delta } : e)) }));
  const related = f.related?.map((r): RelatedLocation => (r.file === file ? { ...r, range: lines.range(before.offset(r.range.start) + delta, before.offset(r.range.end) + delta) } : r));
  return { ...f, startOffset: start, endOffset: end, range, fixes, related, fingerprint: fingerprint(lines, range.start.line, f.ruleId, f.message) };
}

/**
 * The statement-local findings of the new version by statement: the kept ones as moved, the fresh ones by the
 * statement they lie in. Undefined when a fresh finding lies outside every statement (nothing to keep it by).
 */
export function groupByStatement(sourceFile: ts.SourceFile, kept: ReadonlyMap<ts.Statement, Finding[]>, fresh: readonly Finding[]): Map<ts.Statement, { pos: number; end: number; findings: Finding[] }> | undefined {
  const statements = sourceFile.statements;
  const out = new Map<ts.Statement, { pos: number; end: number; findings: Finding[] }>();
  for (const st of statements) out.set(st, { pos: st.pos, end: st.end, findings: kept.get(st) ?? [] });
  for (const f of fresh) {
    let lo = 0;
    let hi = statements.length - 1;
    let found: ts.Statement | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const st = statements[mid]!;
      if (f.endOffset > st.end) lo = mid + 1;
      else if (f.startOffset < st.pos) hi = mid - 1;
      else {
        found = st;
        break;
      }
    }
    if (!found || kept.has(found)) return undefined;
    out.get(found)!.findings.push(f);
  }
  return out;
}

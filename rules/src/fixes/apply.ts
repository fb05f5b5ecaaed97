import type { FileEdit, Finding } from '../types';

/**
 * Applies non-overlapping edits to one text (from the end so offsets stay valid). Inserts at the same
 * offset keep their given order in the result.
 */
export function applyEdits(text: string, edits: readonly FileEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.e.end - a.e.end || b.i - a.i).map((x) => x.e);
  let out = text;
  let lastStart = Infinity;
  for (const e of sorted) {
    if (e.end > lastStart) continue; // overlapping: keep the later one, the finding is fixed on the next run
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}

/**
 * Groups the first fix of each finding (with `option`, its fix of that 0-based index, when it has one) into
 * per-file edit lists, skipping fixes that overlap earlier ones.
 */
export function collectFixEdits(findings: readonly Finding[], opts: { safeOnly?: boolean; ruleId?: string; option?: number } = {}): Map<string, FileEdit[]> {
  const byFile = new Map<string, FileEdit[]>();
  for (const f of findings) {
    if (f.suppression) continue;
    if (opts.ruleId && f.ruleId !== opts.ruleId) continue;
    const fix = opts.option !== undefined ? f.fixes[opts.option] : f.fixes.find((x) => !opts.safeOnly || x.safe);
    if (!fix) continue;
    const overlaps = fix.edits.some((e) => (byFile.get(e.file) ?? []).some((o) => o.start < e.end && e.start < o.end && !(o.start === o.end && e.start === e.end && o.start === e.start && o.newText === e.newText)));
    if (overlaps) continue;
    for (const e of fix.edits) {
      const list = byFile.get(e.file) ?? [];
      // the same insertion twice (e.g. one .env.example line for two findings) counts once
      if (!list.some((o) => o.start === e.start && o.end === e.end && o.newText === e.newText)) list.push(e);
      byFile.set(e.file, list);
    }
  }
  return byFile;
}

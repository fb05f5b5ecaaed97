// Findings computed for one version of a file, carried over to the next version until they are recomputed:
// the editor holds manifest-dependent findings this way while the user types, so they neither vanish nor
// point at the wrong text.
import { LineIndex } from './positions';
import { changedRegion, splitsPair, type ChangedRegion } from './text';
import type { Finding, Fix } from './types';

/**
 * Moves `file`'s findings from `oldText` to `newText`. Text before the change stays, text after it moves by
 * the change's length, a finding around the change grows or shrinks with it. A finding wholly inside the
 * change is looked for in the new text near the same relative place, else kept short there; an edge inside
 * it keeps its distance from the unchanged side. A fix with an edit of this file that touches the changed
 * text is dropped: applied to the new text it would undo or garble what the user typed.
 */
export function moveFindings(findings: readonly Finding[], file: string, oldText: string, newText: string): Finding[] {
  if (!findings.some((f) => f.file === file)) return [...findings]; // most keystrokes: nothing held in this file
  const region = changedRegion(oldText, newText);
  if (!region) return [...findings];
  const delta = region.newEnd - region.oldEnd;
  const lines = new LineIndex(newText);
  const moveFix = (fix: Fix): Fix | undefined => {
    const edits = [];
    for (const e of fix.edits) {
      if (e.file !== file) edits.push(e);
      else if (e.end <= region.start && !(e.start === e.end && e.start === region.start)) edits.push(e);
      else if (e.start >= region.oldEnd && !(e.start === e.end && e.start === region.oldEnd)) edits.push({ ...e, start: e.start + delta, end: e.end + delta });
      else return undefined;
    }
    return { ...fix, edits };
  };
  return findings.map((f) => {
    if (f.file !== file) return f;
    const [startOffset, endOffset] = moveSpan(f.startOffset, f.endOffset, region, oldText, newText, lines);
    const fixes = f.fixes.map(moveFix).filter((x): x is Fix => x !== undefined);
    return { ...f, startOffset, endOffset, range: lines.range(startOffset, endOffset), fixes };
  });
}

/** [start, end) of the old text moved into the new one: end ≥ start, neither inside a \r\n or surrogate pair. */
function moveSpan(start: number, end: number, region: ChangedRegion, oldText: string, newText: string, lines: LineIndex): [number, number] {
  const s = clamp(start, 0, oldText.length);
  const e = clamp(end, s, oldText.length);
  const delta = region.newEnd - region.oldEnd;
  const newLength = region.newEnd - region.start;
  let moved: [number, number];
  if (e <= region.start) moved = [s, e];
  else if (s >= region.oldEnd) moved = [s + delta, e + delta];
  else if (s >= region.start && e <= region.oldEnd) moved = reanchor(s, e, region, oldText, newText, lines);
  else if (s <= region.start && e >= region.oldEnd) moved = [s, e + delta];
  else if (s < region.start) moved = [s, region.newEnd - Math.min(region.oldEnd - e, newLength)];
  else moved = [region.start + Math.min(s - region.start, newLength), e + delta];
  const a = pairStart(newText, moved[0]);
  return [a, Math.max(a, pairStart(newText, moved[1]))];
}

/** A finding wholly inside the changed text: its old text near the same relative place, else a short range there. */
function reanchor(s: number, e: number, region: ChangedRegion, oldText: string, newText: string, lines: LineIndex): [number, number] {
  const oldLength = region.oldEnd - region.start;
  const newLength = region.newEnd - region.start;
  const expected = region.start + Math.round(((s - region.start) / oldLength) * newLength);
  const needle = oldText.slice(s, e);
  let best = -1;
  if (needle) {
    for (let i = newText.indexOf(needle, region.start); i >= 0 && i + needle.length <= region.newEnd; i = newText.indexOf(needle, i + 1)) {
      if (splitsPair(newText, i) || splitsPair(newText, i + needle.length)) continue; // `\n` of a `\r\n` is not the old `\n`
      if (best < 0 || Math.abs(i - expected) < Math.abs(best - expected)) best = i;
      else if (i > expected) break; // further ones are only further away
    }
  }
  if (best >= 0) return [best, best + needle.length];
  const at = pairStart(newText, Math.min(expected, region.newEnd));
  return [at, Math.min(at + needle.length, lines.lineEnd(lines.position(at).line), region.newEnd)];
}

/** `offset`, moved back to the start of a \r\n or surrogate pair it would split. */
function pairStart(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset - 1 : offset;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(x, hi));
}

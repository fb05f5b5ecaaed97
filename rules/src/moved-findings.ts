// Findings computed for one version of a file, carried over to the next version until they are recomputed:
// the editor holds manifest-dependent findings this way while the user types, so they neither vanish nor
// point at the wrong text.
import { LineIndex } from './positions';
import { changedRegion } from './text';
import type { Finding, Fix } from './types';

/**
 * Moves `file`'s findings from `oldText` to `newText`. Offsets before the change stay, offsets after it move
 * by the change's length, offsets inside it clamp to its edges. A fix with an edit of this file that touches
 * the changed text is dropped: applied to the new text it would undo or garble what the user typed.
 */
export function moveFindings(findings: readonly Finding[], file: string, oldText: string, newText: string): Finding[] {
  if (!findings.some((f) => f.file === file)) return [...findings]; // most keystrokes: nothing held in this file
  const region = changedRegion(oldText, newText);
  if (!region) return [...findings];
  const delta = region.newEnd - region.oldEnd;
  const lines = new LineIndex(newText);
  const move = (o: number, edge: 'start' | 'end') => (o <= region.start ? o : o >= region.oldEnd ? o + delta : edge === 'start' ? region.start : region.newEnd);
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
    const startOffset = move(f.startOffset, 'start');
    const endOffset = Math.max(startOffset, move(f.endOffset, 'end'));
    const fixes = f.fixes.map(moveFix).filter((x): x is Fix => x !== undefined);
    return { ...f, startOffset, endOffset, range: lines.range(startOffset, endOffset), fixes };
  });
}

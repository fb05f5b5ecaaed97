// The client's side of LSP positions, written independently of the server's code so that it can judge it:
// lines end at \r\n, \n or a lone \r; characters count UTF-16 code units.
import type { Position, Range } from 'vscode-languageserver-protocol';

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

/** Length of line `line` without its line break. */
export function lineLength(text: string, starts: readonly number[], line: number): number {
  const start = starts[line]!;
  let end = line + 1 < starts.length ? starts[line + 1]! : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return end - start;
}

export function positionAt(text: string, offset: number, starts = lineStarts(text)): Position {
  offset = Math.max(0, Math.min(offset, text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

/** The offset of a valid position (callers check validity with `rangeProblem` first when unsure). */
export function offsetAt(text: string, pos: Position, starts = lineStarts(text)): number {
  if (pos.line >= starts.length) return text.length;
  return starts[pos.line]! + Math.min(pos.character, lineLength(text, starts, pos.line));
}

/** Why `range` is not a range of `text` (line past the end, character past its line), or undefined. */
export function rangeProblem(text: string, range: Range, starts = lineStarts(text)): string | undefined {
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    if (p.line < 0 || p.character < 0) return `${name} ${p.line}:${p.character} is negative`;
    if (p.line >= starts.length) return `line ${p.line} is past the end (the document has ${starts.length} lines)`;
    const len = lineLength(text, starts, p.line);
    if (p.character > len) return `character ${p.character} is past the end of line ${p.line} (length ${len})`;
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) return 'its start is after its end';
  return undefined;
}

/** True if an edit boundary at `offset` would split a \r\n or a surrogate pair (no editor puts a cursor there). */
export function splitsUnit(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/** Moves `offset` off the middle of a \r\n or surrogate pair (backwards). */
export function snap(text: string, offset: number): number {
  offset = Math.max(0, Math.min(offset, text.length));
  return splitsUnit(text, offset) ? offset - 1 : offset;
}

import type { Position, Range } from './types';

const LF = 10;
const CR = 13;

/**
 * Offsets ↔ 0-based line/character (UTF-16, as JS strings and LSP count) for one text. Lines end at `\n`,
 * `\r\n` or a lone `\r`, as the LSP defines them. This is the product's only line table: the engine's ranges,
 * the language server's documents (`withEdit` per keystroke) and the fix edits it hands out all come from it.
 */
export class LineIndex {
  private readonly starts: number[];

  /** `starts` is for `withEdit` only: the line starts of `text`, already known. */
  constructor(readonly text: string, starts?: number[]) {
    this.starts = starts ?? lineStarts(text);
  }

  /** The position of `offset`; an offset between `\r` and `\n` is not addressable and becomes the line's end. */
  position(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.text.length));
    if (o > 0 && this.text.charCodeAt(o - 1) === CR && this.text.charCodeAt(o) === LF) o--;
    const line = this.lineOf(o);
    return { line, character: o - this.starts[line]! };
  }

  /** The offset of `pos`, clamped as the LSP says: past the last line is the end, past a line's end is that end. */
  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line]!;
    return start + Math.max(0, Math.min(pos.character, this.lineEnd(pos.line) - start));
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  lineCount(): number {
    return this.starts.length;
  }

  /** The offset where `line`'s text ends, before its line break. */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return next >= 2 && this.text.charCodeAt(next - 2) === CR && this.text.charCodeAt(next - 1) === LF ? next - 2 : next - 1;
  }

  lineLength(line: number): number {
    return this.lineEnd(line) - (this.starts[line] ?? this.text.length);
  }

  lineText(line: number): string {
    const s = this.starts[line];
    return s === undefined ? '' : this.text.slice(s, this.lineEnd(line));
  }

  /** Whether `pos` names a place in this text exactly (no clamping needed). */
  contains(pos: Position): boolean {
    return Number.isInteger(pos.line) && Number.isInteger(pos.character) && pos.line >= 0 && pos.line < this.starts.length && pos.character >= 0 && pos.character <= this.lineLength(pos.line);
  }

  /**
   * The index of the text with [start, end) replaced by `newText`. Only the edit and one character either
   * side are re-scanned: a `\r\n` can form or split at either edge, which changes the line starts there.
   */
  withEdit(start: number, end: number, newText: string): LineIndex {
    const old = this.text;
    const a = Math.max(0, Math.min(start, old.length));
    const b = Math.max(a, Math.min(end, old.length));
    const text = old.slice(0, a) + newText + old.slice(b);
    const delta = newText.length - (b - a);
    // starts before `a` keep their offset (the characters at s-1 and s are unchanged); starts after `b` move by
    // delta for the same reason; starts in [a, b] are re-decided, along with every offset of the new text
    const keep = firstAtOrAfter(this.starts, Math.max(a, 1));
    const resume = firstAtOrAfter(this.starts, b + 1);
    const starts = this.starts.slice(0, keep);
    for (let s = Math.max(a, 1), last = a + newText.length; s <= last; s++) if (isLineStart(text, s)) starts.push(s);
    for (let i = resume; i < this.starts.length; i++) starts.push(this.starts[i]! + delta);
    return new LineIndex(text, starts);
  }

  private lineOf(offset: number): number {
    return firstAtOrAfter(this.starts, offset + 1) - 1;
  }
}

/** Whether a line starts at `offset` (> 0) of `text`: right after `\n`, or after a `\r` not followed by `\n`. */
function isLineStart(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  return before === LF || (before === CR && text.charCodeAt(offset) !== LF);
}

/** The offsets where `text`'s lines start, the first being 0. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // built for every text the engine reads: without any \r, indexOf finds the line ends far faster than a char loop
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) starts.push(i + 1);
    else if (c === CR) {
      if (text.charCodeAt(i + 1) === LF) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The first index of sorted `values` whose value is ≥ `x` (values.length when none). */
function firstAtOrAfter(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

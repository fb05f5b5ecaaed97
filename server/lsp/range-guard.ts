// The last check before a range leaves the server (diagnostics, their related locations, fix edits): it must
// name a place in the text it belongs to (line < lineCount, character ≤ that line's length, start ≤ end). One
// that does not is our bug; editors react to it badly (squiggles on the wrong line, rejected edits), so it is
// clamped into the text and logged once per file. The server tests fail on that log line.
import type { Range } from 'vscode-languageserver';
import { LineIndex } from '../../rules/src/positions';

/** The log line's opening words; test/server/lsp-client.ts looks for them. */
export const RANGE_OUTSIDE = 'Policy Lens internal error: a range outside its document';

/** Line tables kept for texts other than open documents' (files of a "Check workspace", related files). */
const CACHED_FILES = 256;

export class RangeGuard {
  private readonly cache = new Map<string, LineIndex>();
  private readonly reported = new Set<string>();

  /** `openLines`: the line table of the open document at `path`, if any (no re-scan for its text). */
  constructor(private readonly log: (message: string) => void, private readonly openLines: (path: string) => LineIndex | undefined = () => undefined) {}

  /** The line table of `text`, the current content of `path` as the caller knows it. */
  linesOf(path: string, text: string): LineIndex {
    const open = this.openLines(path);
    if (open?.text === text) return open;
    const cached = this.cache.get(path);
    if (cached?.text === text) return cached;
    const lines = new LineIndex(text);
    if (this.cache.size >= CACHED_FILES) this.cache.clear();
    this.cache.set(path, lines);
    return lines;
  }

  /** `range` if it lies inside `text` (the content of `path`), else the nearest range that does. */
  range(path: string, text: string, range: Range, what: string): Range {
    return this.rangeIn(path, this.linesOf(path, text), range, what);
  }

  /** `range` fitted into the text of `lines` (the content of `path`): for many ranges of one text, one look-up of its lines. */
  rangeIn(path: string, lines: LineIndex, range: Range, what: string): Range {
    const { start, end } = range;
    if (lines.contains(start) && lines.contains(end) && (start.line < end.line || (start.line === end.line && start.character <= end.character))) return range;
    const a = lines.offset(start);
    const fitted = lines.range(a, Math.max(a, lines.offset(end)));
    this.report(path, `${what} ${JSON.stringify(range)} in a text of ${lines.lineCount()} lines; sent as ${JSON.stringify(fitted)}`);
    return fitted;
  }

  /** The range of the edit of [start, end) in `text`; offsets outside the text are clamped and reported. */
  edit(path: string, text: string, start: number, end: number): Range {
    const lines = this.linesOf(path, text);
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
      const a = Math.max(0, Math.min(Number.isFinite(start) ? start : 0, text.length));
      const fitted = lines.range(a, Math.max(a, Math.min(Number.isFinite(end) ? end : a, text.length)));
      this.report(path, `fix edit at offsets ${start}-${end} of a text of ${text.length} characters; sent as ${JSON.stringify(fitted)}`);
      return fitted;
    }
    return lines.range(start, end);
  }

  private report(path: string, detail: string): void {
    if (this.reported.has(path)) return;
    this.reported.add(path);
    this.log(`${RANGE_OUTSIDE} (${path}): ${detail}. Please report this with the file's line endings (LF, CRLF) and what was typed.`);
  }
}

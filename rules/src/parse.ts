import { ts } from './ts';
import { changedRegion } from './text';

export const CODE_EXTENSIONS = ['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx'];

export function isCodeFile(path: string): boolean {
  const lower = path.toLowerCase();
  if (lower.endsWith('.d.ts')) return false;
  return CODE_EXTENSIONS.some((e) => lower.endsWith(e));
}

function scriptKind(path: string): ts.ScriptKind {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.ts') || lower.endsWith('.mts') || lower.endsWith('.cts')) return ts.ScriptKind.TS;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  // JSX is common in .js files of web widgets; the JSX grammar parses plain JS as well.
  return ts.ScriptKind.JSX;
}

export type ParseResult =
  | { ok: true; sourceFile: ts.SourceFile }
  | { ok: false; reason: string };

/** Parses one file; TypeScript's recursive parser throws RangeError on very deep nesting. */
export function parseCode(path: string, text: string): ParseResult {
  try {
    // Parent pointers are set by the file model's own walk (FileModel.walk): TypeScript's setParentNodes
    // would walk the whole tree once more. JSDoc comments are not parsed: no rule reads them (suppressions
    // are found in the text), and parsing them was a fifth of the parse; incremental re-parses keep the mode.
    const sourceFile = ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKind(path));
    return { ok: true, sourceFile };
  } catch (e) {
    const reason = e instanceof RangeError ? 'nesting too deep for the parser' : `parser failed (${(e as Error).message})`;
    return { ok: false, reason };
  }
}

/** Why a file's content is not checked as code, or undefined when it can be. */
export function uncheckableContent(text: string, maxBytes: number): string | undefined {
  if (text.length > maxBytes) return `larger than ${Math.round(maxBytes / 1024)} KiB`;
  if (text.includes('\u0000')) return 'binary content';
  // U+FFFD replacement characters in bulk mean the bytes were not UTF-8.
  // (indexOf, not a loop over every character: this runs on every keystroke of a big file)
  let bad = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0 && bad < 8; i = text.indexOf('\ufffd', i + 1)) bad++;
  if (bad >= 8) return 'not UTF-8 text';
  return undefined;
}

/** Trees from an incremental re-parse: the file model's walk may reuse what it collected in their reused subtrees. */
const incrementalTrees = new WeakSet<ts.SourceFile>();

export function isIncrementalTree(sourceFile: ts.SourceFile): boolean {
  return incrementalTrees.has(sourceFile);
}

/**
 * The next version of a file, re-parsed incrementally from the previous tree (one changed span, found by
 * common prefix and suffix). The previous tree must not be used afterwards: TypeScript reuses its nodes.
 */
export function reparseCode(path: string, previous: ts.SourceFile, previousText: string, text: string): ParseResult {
  if (text === previousText) {
    incrementalTrees.add(previous);
    return { ok: true, sourceFile: previous };
  }
  const { start, oldEnd, newEnd } = changedRegion(previousText, text)!;
  try {
    const sourceFile = ts.updateSourceFile(previous, text, { span: { start, length: oldEnd - start }, newLength: newEnd - start });
    incrementalTrees.add(sourceFile);
    return { ok: true, sourceFile };
  } catch {
    return parseCode(path, text); // whatever went wrong incrementally, a full parse decides
  }
}

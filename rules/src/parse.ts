import { ts } from 'ts-morph';

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
    const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
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
  let bad = 0;
  for (let i = 0; i < text.length && bad < 8; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  if (bad >= 8) return 'not UTF-8 text';
  return undefined;
}

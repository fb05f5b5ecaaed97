import { trimChar } from '../text';
import type { Fix, FileEdit } from '../types';
import { fixTitle } from './title';

export const ENV_EXAMPLE_HEADER = '# Secrets come from the environment; never commit real values.\n';

/** `process.env.NAME` in place of a literal, plus `NAME=` in the app's `.env.example` (created when missing). */
export function moveToEnvFix(opts: {
  file: string;
  start: number;
  end: number;
  envName: string;
  appRoot: string;
  envExampleText: string | undefined;
  /** Replace with this instead of `process.env.NAME` (e.g. a template part). */
  replacement?: string;
}): Fix {
  const envFile = `${opts.appRoot}/.env.example`;
  const edits: FileEdit[] = [{ file: opts.file, start: opts.start, end: opts.end, newText: opts.replacement ?? `process.env.${opts.envName}` }];
  const line = `${opts.envName}=`;
  const creates: string[] = [];
  if (opts.envExampleText === undefined) {
    // the header is its own edit so that several fixes creating the file share it (identical edits apply once)
    edits.push({ file: envFile, start: 0, end: 0, newText: ENV_EXAMPLE_HEADER });
    edits.push({ file: envFile, start: 0, end: 0, newText: `${line}\n` });
    creates.push(envFile);
  } else if (!opts.envExampleText.split(/\r?\n/).some((l) => l.startsWith(line))) {
    const t = opts.envExampleText;
    const eol = t.includes('\r\n') ? '\r\n' : '\n';
    const sep = t.length === 0 || t.endsWith('\n') ? '' : eol;
    edits.push({ file: envFile, start: t.length, end: t.length, newText: `${sep}${line}${eol}` });
  }
  return {
    description: fixTitle(`Use process.env.${opts.envName}`, 'Use an environment variable'),
    edits,
    creates: creates.length ? creates : undefined,
    safe: false,
  };
}

/** An environment variable name from a property or variable name: apiKey → API_KEY. */
export function envNameFor(name: string): string {
  const n = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    
    .toUpperCase();
  const t = trimChar(n, '_');
  return /^[A-Z_]/.test(t) ? t || 'SECRET' : `SECRET_${t}`;
}

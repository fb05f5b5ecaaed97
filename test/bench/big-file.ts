// A realistic big bot file for the edit benchmarks: the generated modules of one app, concatenated up to a
// number of lines, and the keystroke the benchmarks repeat in it.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `apps/<first app>/src/big-<lines>.js` from that app's generated modules; returns its path. */
export function bigFile(dir: string, lines: number): string {
  const src = join(dir, 'apps');
  const app = readdirSync(src).sort()[0]!;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.js')) files.push(join(d, e.name));
    }
  };
  walk(join(src, app, 'src'));
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) out.push(...readFileSync(files[i % files.length]!, 'utf8').split('\n'));
  const path = join(src, app, 'src', `big-${lines}.js`);
  writeFileSync(path, out.slice(0, lines).join('\n'));
  return path;
}

/** Where the benchmarks type: just inside the first string literal after the middle of the text. */
export function typingOffset(text: string): number {
  return text.indexOf("'", Math.floor(text.length / 2)) + 1;
}

/** The text after keystroke `v`: odd versions insert an `x` at `at`, even ones delete it again. */
export function keystroke(text: string, at: number, v: number): { text: string; inserted: boolean } {
  const inserted = v % 2 === 1;
  return { text: text.slice(0, at) + (inserted ? 'x' : '') + text.slice(at + (inserted ? 0 : 1)), inserted };
}

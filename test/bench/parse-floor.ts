// The parse floor of PERF.md: a fresh process that only reads the files and parses each with TypeScript
// (ts-morph's bundled `ts`, as the engine uses it). Bundled by run.ts like the CLI, so both pay the same
// module loading. Usage: node parse-floor.js LIST_FILE [plain|engine]
//   plain   ts.createSourceFile(path, text, Latest) — the raw floor
//   engine  as rules/src/parse.ts does it: parent pointers set, .js parsed with the JSX grammar
import { readFileSync } from 'node:fs';
import { ts } from 'ts-morph';

const [listFile, mode = 'plain'] = process.argv.slice(2);
if (!listFile) {
  process.stderr.write('usage: parse-floor LIST_FILE [plain|engine]\n');
  process.exit(2);
}
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
let statements = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const sf =
    mode === 'engine'
      ? ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true, /\.[cm]?tsx?$/i.test(f) ? (f.toLowerCase().endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS) : ts.ScriptKind.JSX)
      : ts.createSourceFile(f, text, ts.ScriptTarget.Latest);
  statements += sf.statements.length;
}
process.stdout.write(JSON.stringify({ files: files.length, statements }) + '\n');

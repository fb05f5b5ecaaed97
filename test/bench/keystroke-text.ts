// `npx tsx test/bench/keystroke-text.ts`: what one keystroke costs the server's document store on a 5,000-line
// file (LF and CRLF): our incremental line table (OpenDocument.update → LineIndex.withEdit), a full re-scan of
// the text (new LineIndex), and vscode-languageserver-textdocument 1.0.x for reference (fast, but wrong at a
// \r\n formed at an edit's edge). Prints figures; never fails on them.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../rules/src/positions';
import { openDocuments } from '../../server/lsp/text-document';

const LINES = 5000;
const KEYSTROKES = 1_000;

function source(eol: string): string {
  const out: string[] = [];
  for (let i = 0; i < LINES; i++) out.push(`  await conversation.say({ text: 'line ${i}: which day suits you?', role: 'agent' });`);
  return out.join(eol) + eol;
}

/** Typing positions: a seeded walk through the file, as a user moves around and types. */
function positions(lineLengths: number[]): { line: number; character: number }[] {
  let seed = 20261207;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  return Array.from({ length: KEYSTROKES }, () => {
    const line = Math.floor(rand() * lineLengths.length);
    return { line, character: Math.floor(rand() * (lineLengths[line]! + 1)) };
  });
}

const ROUNDS = 5;

/** Median over interleaved rounds: the machine is shared, single runs are noisy. */
function compare(runs: [string, () => void][]): void {
  const samples = runs.map(() => [] as number[]);
  for (const [, run] of runs) run(); // warm up
  for (let r = 0; r < ROUNDS; r++) {
    runs.forEach(([, run], i) => {
      const t0 = performance.now();
      run();
      samples[i]!.push(((performance.now() - t0) * 1000) / KEYSTROKES);
    });
  }
  runs.forEach(([label], i) => {
    const sorted = samples[i]!.sort((x, y) => x - y);
    process.stdout.write(`${label.padEnd(52)} ${sorted[ROUNDS >> 1]!.toFixed(1).padStart(8)} µs per keystroke (median of ${ROUNDS})\n`);
  });
}

for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
  const text = source(eol);
  const at = positions(text.split(eol).map((l) => l.length));
  const change = (i: number) => [{ range: { start: at[i]!, end: at[i]! }, text: 'x' }];
  process.stdout.write(`${LINES} lines, ${(text.length / 1024).toFixed(0)} KiB, ${name}, ${KEYSTROKES} one-character inserts\n`);
  compare([
    ['  OpenDocument.update (incremental line table)', () => {
      let doc = openDocuments.create('file:///bot.js', 'javascript', 1, text);
      for (let i = 0; i < KEYSTROKES; i++) doc = openDocuments.update(doc, change(i), i + 2);
    }],
    ['  full re-scan (text edit + new LineIndex)', () => {
      let lines = new LineIndex(text);
      for (let i = 0; i < KEYSTROKES; i++) {
        const o = lines.offset(at[i]!);
        lines = new LineIndex(lines.text.slice(0, o) + 'x' + lines.text.slice(o));
      }
    }],
    ['  vscode-languageserver-textdocument 1.0.12', () => {
      const doc = TextDocument.create('file:///bot.js', 'javascript', 1, text);
      for (let i = 0; i < KEYSTROKES; i++) TextDocument.update(doc, change(i), i + 2);
    }],
  ]);
}

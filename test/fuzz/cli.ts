// npm run fuzz -- [--seed N] [--minutes M | --sequences K] [--from K] [--length OPS] [--shrink-minutes S] [--no-keep]
// npm run fuzz -- --long-session [--edits 10000] [--seed N]
// New failures are shrunk and written to test/fuzz/regressions/ (commit them: they become regression tests).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fuzz } from './fuzz';
import { longSession } from './long-session';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    minutes: { type: 'string' },
    sequences: { type: 'string' },
    from: { type: 'string' },
    length: { type: 'string' },
    'shrink-minutes': { type: 'string' },
    'no-keep': { type: 'boolean' },
    'long-session': { type: 'boolean' },
    edits: { type: 'string' },
  },
});

function num(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} must be a number ≥ 0, not "${v}"`);
    process.exit(2);
  }
  return n;
}

const mib = (b: number | undefined) => (b === undefined ? '?' : `${(b / 1048576).toFixed(1)} MiB`);

async function main(): Promise<number> {
  const seed = num('seed', values.seed, Date.now() % 1_000_000);
  if (values['long-session']) {
    const edits = num('edits', values.edits, 10_000);
    console.log(`long session: seed ${seed}, ${edits} edits to one server`);
    const r = await longSession(seed, edits, (m) => console.log(m));
    const rss = r.samples.map((s) => s.rss);
    const plateau = rss.slice(Math.floor(rss.length / 2));
    console.log(`\n${r.edits} edits in ${(r.ms / 60000).toFixed(1)} minutes`);
    console.log(`RSS start ${mib(rss[0])}, plateau ${mib(Math.min(...plateau))}–${mib(Math.max(...plateau))} (second half of the samples), end ${mib(rss[rss.length - 1])}`);
    console.log(`policyLens/memory after a full run and a GC: RSS ${mib(r.memoryStart?.rss)} -> ${mib(r.memoryEnd?.rss)}, heap used ${mib(r.memoryStart?.heapUsed)} -> ${mib(r.memoryEnd?.heapUsed)}`);
    for (const f of r.failures) console.log(`FAILURE ${f}`);
    return r.failures.length ? 1 : 0;
  }
  const sequences = values.sequences === undefined ? undefined : num('sequences', values.sequences, 0);
  const minutes = sequences === undefined ? num('minutes', values.minutes, 1) : undefined;
  console.log(`fuzzing: seed ${seed}, ${sequences !== undefined ? `${sequences} sequences` : `${minutes} minute(s)`}`);
  const t = await fuzz({
    seed,
    sequences,
    minutes,
    from: num('from', values.from, 0),
    length: num('length', values.length, 60),
    casesDir: values['no-keep'] ? undefined : join(__dirname, 'regressions'),
    shrinkMs: num('shrink-minutes', values['shrink-minutes'], 3) * 60_000,
    log: (m) => console.log(m),
  });
  console.log(`\nseed ${t.seed}: ${t.sequences} sequences, ${t.ops} ops, ${t.edits} edits, ${(t.ms / 60000).toFixed(1)} minutes`);
  const kinds = Object.entries(t.failures);
  console.log(kinds.length ? `failing sequences by kind: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}` : 'no failures');
  for (const c of t.cases) console.log(`new regression case: ${c}`);
  return kinds.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(2);
});

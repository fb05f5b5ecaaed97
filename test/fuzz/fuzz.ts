// The fuzzing loop: sequences generated from one seed (alternating push and pull clients), each played
// against the server and compared at its checks; the first failure of each kind is shrunk and written as
// a regression case.
import { join } from 'node:path';
import { caseJson, writeCase } from './case-file';
import { corpus, packageRefs } from './corpus';
import { generate } from './generate';
import { Prng } from './prng';
import { signature, type FailureEvent, type Outcome, type Scenario } from './scenario';
import { runScenario } from './session';
import { shrink } from './shrink';

export interface FuzzOptions {
  seed: number;
  /** Stop after this many sequences … */
  sequences?: number;
  /** … or once this much time has passed. */
  minutes?: number;
  /** Skip the sequences before this one (their seeds are still drawn: sequence K is the same sequence). */
  from?: number;
  /** Ops per sequence. */
  length?: number;
  /** Folder to write regression cases to; none: failures are only counted. */
  casesDir?: string;
  /** Time to spend shrinking each new failure (ms). */
  shrinkMs?: number;
  log?: (m: string) => void;
}

export interface Totals {
  seed: number;
  sequences: number;
  edits: number;
  ops: number;
  ms: number;
  /** Failing sequences by failure kind. */
  failures: Record<string, number>;
  /** Cases written (paths), one per new failure signature. */
  cases: string[];
  /** The first failure of each signature: sequence number and events. */
  found: { sequence: number; signature: string; events: FailureEvent[] }[];
}

export async function fuzz(o: FuzzOptions): Promise<Totals> {
  const log = o.log ?? (() => undefined);
  const apps = corpus();
  const rng = new Prng(o.seed);
  const t0 = Date.now();
  const totals: Totals = { seed: o.seed, sequences: 0, edits: 0, ops: 0, ms: 0, failures: {}, cases: [], found: [] };
  const seen = new Set<string>();
  for (let k = 0; ; k++) {
    if (o.sequences !== undefined && k >= (o.from ?? 0) + o.sequences) break;
    if (o.minutes !== undefined && Date.now() - t0 >= o.minutes * 60_000) break;
    const session = rng.next();
    if (k < (o.from ?? 0)) continue;
    const mode = k % 2 ? 'pull' : 'push';
    const sc = generate(apps, session, mode, o.length ?? 60);
    const outcome = await runScenario(sc);
    totals.sequences++;
    totals.edits += outcome.edits;
    totals.ops += sc.ops.length;
    const kinds = new Set(outcome.events.map((e) => e.kind));
    for (const kind of kinds) totals.failures[kind] = (totals.failures[kind] ?? 0) + 1;
    log(`sequence ${k} (${mode}, ${sc.ops.length} ops, ${outcome.edits} edits, ${outcome.ms} ms)${kinds.size ? `: ${[...kinds].join(', ')}` : ''}`);
    const first = outcome.events[0];
    if (!first) continue;
    const sig = signature(first);
    if (seen.has(sig)) continue;
    seen.add(sig);
    totals.found.push({ sequence: k, signature: sig, events: outcome.events });
    log(`  new failure ${sig}: ${first.detail}`);
    if (o.casesDir) totals.cases.push(await keep(o, { sc, outcome, sig, session, sequence: k, appOf: sc.app }, log));
  }
  totals.ms = Date.now() - t0;
  return totals;
}

/** Shrinks the failure and writes it as a regression case; returns its path. */
async function keep(o: FuzzOptions, f: { sc: Scenario; outcome: Outcome; sig: string; session: number; sequence: number; appOf: string }, log: (m: string) => void): Promise<string> {
  const shrunk = await shrink(f.sc, f.sig, o.shrinkMs ?? 180_000, log);
  const final = shrunk.reproduced ? await runScenario(shrunk.scenario) : f.outcome;
  const sc = shrunk.reproduced ? shrunk.scenario : f.sc;
  const event = final.events.find((e) => signature(e) === f.sig) ?? f.outcome.events[0]!;
  const name = `${f.sig.replace(/[^a-z0-9]+/gi, '-')}-seed${o.seed}-${f.sequence}.json`;
  const path = join(o.casesDir!, name);
  const json = caseJson(
    {
      kind: event.kind,
      signature: f.sig,
      detail: `${event.server}: ${event.detail}`,
      found: { app: f.appOf, seed: o.seed, session: f.session, sequence: f.sequence, mode: f.sc.mode, opsBeforeShrink: f.sc.ops.length },
      shrink: { reproduced: shrunk.reproduced, runs: shrunk.runs, ops: sc.ops.length },
      mode: sc.mode,
      diffs: final.diffs,
      fuzzed: final.fuzzed,
      cold: final.cold,
      events: final.events,
    },
    sc,
    final.finalTexts,
    packageRefs(),
  );
  writeCase(path, json);
  log(`  kept as ${path} (${sc.ops.length} ops after ${shrunk.runs} shrink runs)`);
  return path;
}

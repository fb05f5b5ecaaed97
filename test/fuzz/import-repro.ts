// Turns reproductions in the earlier fuzzer's format (texts inline) into regression cases here: the same
// fields, with the chipchat SDK's texts written as references to node_modules (never copied).
// Usage: tsx test/fuzz/import-repro.ts <folder with *.json> [more…]
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { caseJson, writeCase } from './case-file';
import { packageRefs } from './corpus';
import type { Op, Scenario } from './scenario';
import { offsetAt } from './text';

const OUT = join(__dirname, 'regressions');

for (const folder of process.argv.slice(2)) {
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
    const raw = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<string, unknown> & { initial: { files: Record<string, string>; open: { rel: string; text: string; version: number }[] }; ops: Op[]; finalTexts: Record<string, string>; mode: Scenario['mode'] };
    // that fuzzer shortened long texts in `lsp` ("… (1450 chars)"); `changes` holds them whole, in the same order
    const ops = raw.ops.map((op) => (op.t === 'change' && op.lsp?.length === op.changes.length ? { ...op, lsp: op.lsp.map((l, i) => ({ ...l, text: op.changes[i]!.text })) } : op));
    const sc: Scenario = { mode: raw.mode, files: raw.initial.files, open: raw.initial.open, ops };
    const { initial: _i, ops: _o, finalTexts: _f, ...rest } = raw;
    // it also shortened long final texts: those are the client's texts after the ops, computed again here
    const finalTexts = Object.fromEntries(Object.entries(raw.finalTexts).map(([rel, t]) => [rel, /… \(\d+ chars\)$/.test(t) ? clientText(sc, rel) : t]));
    const json = caseJson(rest as never, sc, finalTexts, packageRefs());
    writeCase(join(OUT, basename(name)), json);
    console.log(`${name}: ${Math.round(readFileSync(join(folder, name)).length / 1024)} KiB -> ${Math.round(json.length / 1024)} KiB`);
  }
}

/** The client's text of `rel` after the scenario's changes (opened at the start; changes sent as `lsp`). */
function clientText(sc: Scenario, rel: string): string {
  let text = sc.open.find((o) => o.rel === rel)?.text ?? sc.files[rel] ?? '';
  for (const op of sc.ops) {
    if (op.t !== 'change' || op.doc !== rel) continue;
    for (const c of op.lsp ?? []) text = 'range' in c && c.range ? text.slice(0, offsetAt(text, c.range.start)) + c.text + text.slice(offsetAt(text, c.range.end)) : c.text;
  }
  return text;
}

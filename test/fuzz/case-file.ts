// Regression case files: the format of the team's earlier reproductions (kind, detail, found, shrink, mode,
// initial.files, initial.open, ops, finalTexts, fuzzed, cold, diffs, events), with every text that repeats
// an installed package's file written as a reference to it (text-spec.ts) and the package versions it
// was made with, so a replay can say clearly when node_modules no longer holds the same texts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../server/lsp-client';
import type { FailureEvent, Op, Outcome, Scenario } from './scenario';
import { lspChanges } from './session';
import { Dehydrator, resolveText, type TextSpec } from './text-spec';

export interface CaseFile {
  kind: string;
  signature: string;
  detail: string;
  found: Record<string, unknown>;
  shrink?: Record<string, unknown>;
  mode: Scenario['mode'];
  /** Versions of the packages whose files the texts refer to. */
  packages?: Record<string, string>;
  initial: { files: Record<string, TextSpec>; open: { rel: string; text: TextSpec; version: number }[] };
  ops: unknown[];
  finalTexts: Record<string, TextSpec>;
  fuzzed: Outcome['fuzzed'];
  cold: Outcome['cold'];
  diffs: Outcome['diffs'];
  events: FailureEvent[];
}

export function installedVersion(pkg: string): string {
  return (JSON.parse(readFileSync(join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

export function readCase(path: string): { file: CaseFile; scenario: Scenario; finalTexts: Record<string, string> } {
  const file = JSON.parse(readFileSync(path, 'utf8')) as CaseFile;
  for (const [pkg, version] of Object.entries(file.packages ?? {})) {
    const have = installedVersion(pkg);
    if (have !== version) throw new Error(`${path} refers to files of ${pkg} ${version}, node_modules holds ${have}: the case's texts may not resolve to what it was made with`);
  }
  const files = Object.fromEntries(Object.entries(file.initial.files).map(([rel, t]) => [rel, resolveText(t)]));
  const open = file.initial.open.map((o) => ({ rel: o.rel, version: o.version, text: resolveText(o.text) }));
  const ops = file.ops.map((raw) => {
    const op = raw as Record<string, unknown>;
    if (op['t'] !== 'change') return op as unknown as Op;
    const changes = (op['changes'] as { s: number; e: number; text: TextSpec }[]).map((c) => ({ s: c.s, e: c.e, text: resolveText(c.text) }));
    const lsp = (op['lsp'] as { range?: unknown; text: TextSpec }[] | undefined)?.map((c) => ({ ...c, text: resolveText(c.text) }));
    return { ...op, changes, ...(lsp ? { lsp } : {}) } as Op;
  });
  const finalTexts = Object.fromEntries(Object.entries(file.finalTexts ?? {}).map(([rel, t]) => [rel, resolveText(t)]));
  return { file, scenario: { mode: file.mode, files, open, ops }, finalTexts };
}

/** The scenario with each change's contentChanges as the client sends them (what a reader of the case sees). */
export function withLsp(sc: Scenario): Scenario {
  const disk = new Map(Object.entries(sc.files));
  const texts = new Map(sc.open.map((o) => [o.rel, o.text]));
  const ops = sc.ops.map((op): Op => {
    if (op.t === 'save' && texts.has(op.doc)) disk.set(op.doc, texts.get(op.doc)!);
    if (op.t === 'close') texts.delete(op.doc);
    if (op.t === 'open' && !texts.has(op.doc) && disk.has(op.doc)) texts.set(op.doc, disk.get(op.doc)!);
    if (op.t !== 'change' || op.lsp || !texts.has(op.doc)) return op;
    const r = lspChanges(texts.get(op.doc)!, op.changes);
    texts.set(op.doc, r.text);
    return { ...op, lsp: r.lsp };
  });
  return { ...sc, ops };
}

/** The case as JSON, texts of the given package files written as references. */
export function caseJson(c: Omit<CaseFile, 'initial' | 'ops' | 'finalTexts' | 'packages'>, sc: Scenario, finalTexts: Record<string, string>, refs: readonly string[]): string {
  const dry = new Dehydrator(refs);
  const d = (t: string) => dry.dehydrate(t);
  const packages = [...new Set(refs.map((r) => r.split('/')[0]!))];
  const ops = withLsp(sc).ops.map((op) => (op.t !== 'change' ? op : { ...op, changes: op.changes.map((x) => ({ ...x, text: d(x.text) })), ...(op.lsp ? { lsp: op.lsp.map((x) => ({ ...x, text: d(x.text) })) } : {}) }));
  const out: CaseFile = {
    ...c,
    packages: Object.fromEntries(packages.map((p) => [p, installedVersion(p)])),
    initial: { files: Object.fromEntries(Object.entries(sc.files).map(([rel, t]) => [rel, d(t)])), open: sc.open.map((o) => ({ rel: o.rel, text: d(o.text), version: o.version })) },
    ops,
    finalTexts: Object.fromEntries(Object.entries(finalTexts).map(([rel, t]) => [rel, d(t)])),
  };
  return JSON.stringify(out, null, 1) + '\n';
}

export function writeCase(path: string, json: string): void {
  writeFileSync(path, json);
}

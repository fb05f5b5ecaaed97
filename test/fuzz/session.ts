// Plays a scenario against `node dist/server.js --stdio` as an editor would, and at every `check` compares
// the edited server with a fresh one opened on the client's texts: diagnostics, code-action edits, the
// offsets the server's diagnostics carry, ranges, and the push/pull answers along the way.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { uri as uriOf } from '../server/lsp-client';
import type { Change, FailureEvent, Op, Outcome, Scenario, SeenDiagnostic } from './scenario';
import { ServerUnderTest } from './server-under-test';
import { lineStarts, offsetAt, positionAt, rangeProblem, snap } from './text';

const FIX_ALL_KIND = 'source.fixAll.policyLens';

interface DocState {
  rel: string;
  uri: string;
  text: string;
  version: number;
  open: boolean;
  /** Client texts by version since the document was opened: pushes name the version they describe. */
  history: Map<number, string>;
}

interface Seen {
  diagnostics: Record<string, SeenDiagnostic[]>;
  /** Normalised JSON of each document's diagnostics (with data and tags) and code actions. */
  full: Record<string, string>;
  actions: Record<string, string>;
}

export interface RunOptions {
  /** Stop at the first failure (the shrinker only needs to know whether it still happens). */
  stopAtFirst?: boolean;
}

export async function runScenario(sc: Scenario, options: RunOptions = {}): Promise<Outcome> {
  const t0 = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'policy-lens-fuzz-')).replace(/\\/g, '/');
  const disk = new Map(Object.entries(sc.files));
  for (const [rel, text] of disk) write(dir, rel, text);
  const docs = new Map<string, DocState>();
  const docOf = (rel: string): DocState => {
    let d = docs.get(rel);
    if (!d) docs.set(rel, (d = { rel, uri: uriOf(join(dir, rel)), text: '', version: 0, open: false, history: new Map() }));
    return d;
  };
  const events: FailureEvent[] = [];
  const outcome: Outcome = { events, finalTexts: {}, fuzzed: {}, cold: {}, diffs: {}, edits: 0, ms: 0 };
  // The fresh server for a check starts (and loads its engine) while the session runs. After the check
  // the session goes on with it, its documents at version 1: one server start per check, not two.
  const launchCold = (from: number) => (sc.ops.slice(from).some((o) => o.t === 'check') ? ServerUnderTest.launch('cold', sc.mode, dir) : undefined);
  let spare = launchCold(0);
  let server = new ServerUnderTest('fuzzed', sc.mode);
  const servers = [server];
  server.onPush = (p) => checkPush(server, p, docs);
  const pending: Promise<void>[] = [];
  try {
    await server.start(dir);
    for (const o of sc.open) openDoc(server, docOf(o.rel), o.text, o.version);
    // the user starts typing once the opened files have been checked, as in an editor
    await server.quiet();
    for (const [i, op] of sc.ops.entries()) {
      if (servers.some((x) => x.broken) || (options.stopAtFirst && servers.some((x) => x.events.length))) break;
      if (op.delay) await new Promise((r) => setTimeout(r, op.delay));
      server.op = i;
      if (op.t === 'change') {
        const d = docs.get(op.doc);
        if (!d?.open) continue;
        const contentChanges = applyChange(d, op);
        outcome.edits += contentChanges.length;
        server.notify('textDocument/didChange', { textDocument: { uri: d.uri, version: d.version }, contentChanges });
      } else if (op.t === 'pull') {
        const d = docs.get(op.doc);
        if (!d?.open || sc.mode !== 'pull') continue;
        const p = pullAndCheck(server, d);
        if (op.wait) await p;
        else pending.push(p);
      } else if (op.t === 'save') {
        const d = docs.get(op.doc);
        if (!d?.open) continue;
        disk.set(d.rel, d.text);
        write(dir, d.rel, d.text);
        server.notify('textDocument/didSave', { textDocument: { uri: d.uri } });
        server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: d.uri, type: 2 }] });
      } else if (op.t === 'close') {
        const d = docs.get(op.doc);
        if (!d?.open) continue;
        d.open = false;
        server.notify('textDocument/didClose', { textDocument: { uri: d.uri } });
      } else if (op.t === 'open') {
        const d = docOf(op.doc);
        const text = disk.get(op.doc);
        if (d.open || text === undefined) continue;
        openDoc(server, d, text, 1);
      } else {
        await Promise.all(pending.splice(0));
        const cold = (await spare)!;
        servers.push(cold);
        spare = launchCold(i + 1);
        await check(server, cold, docs, outcome);
        server.checkStderr();
        if (cold.broken || server.broken) break;
        await server.stop();
        server = cold;
        server.name = 'fuzzed';
        server.onPush = (p) => checkPush(server, p, docs);
        for (const d of docs.values()) if (d.open) (d.version = 1), (d.history = new Map([[1, d.text]]));
      }
      server.checkStderr();
    }
    await Promise.all(pending.splice(0));
  } finally {
    for (const x of servers) await x.stop();
    if (spare) await (await spare)?.stop();
    // the same failure seen by every push after it is one failure
    const seen = new Set<string>();
    for (const e of servers.flatMap((x) => x.events)) {
      const key = `${e.server} ${e.kind} ${e.detail}`;
      if (!seen.has(key)) events.push(e);
      seen.add(key);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  for (const d of docs.values()) outcome.finalTexts[d.rel] = d.text;
  events.sort((a, b) => a.op - b.op);
  outcome.ms = Date.now() - t0;
  return outcome;
}

function write(dir: string, rel: string, text: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

function languageId(rel: string): string {
  return rel.endsWith('.json') ? 'json' : /\.tsx$/.test(rel) ? 'typescriptreact' : /\.[cm]?ts$/.test(rel) ? 'typescript' : /\.jsx$/.test(rel) ? 'javascriptreact' : 'javascript';
}

function openDoc(server: ServerUnderTest, d: DocState, text: string, version: number): void {
  d.open = true;
  d.text = text;
  d.version = version;
  d.history = new Map([[version, text]]);
  server.notify('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: languageId(d.rel), version, text } });
}

/** Applies the op to the client's text; returns the contentChanges to send (the op's own `lsp` if it has them). */
function applyChange(d: DocState, op: Extract<Op, { t: 'change' }>): TextDocumentContentChangeEvent[] {
  const out: TextDocumentContentChangeEvent[] = [];
  if (op.lsp) {
    for (const c of op.lsp) {
      if (!('range' in c) || !c.range) d.text = c.text;
      else d.text = d.text.slice(0, offsetAt(d.text, c.range.start)) + c.text + d.text.slice(offsetAt(d.text, c.range.end));
      out.push(c);
    }
  } else {
    const r = lspChanges(d.text, op.changes);
    d.text = r.text;
    out.push(...r.lsp);
  }
  d.version++;
  d.history.set(d.version, d.text);
  d.history.delete(d.version - 64);
  return out;
}

/** The contentChanges for offset-based changes, and the text after them. */
export function lspChanges(text: string, changes: readonly Change[]): { lsp: TextDocumentContentChangeEvent[]; text: string } {
  const lsp: TextDocumentContentChangeEvent[] = [];
  for (const c of changes) {
    // a shrunk scenario may have lost the edits these offsets assumed: keep them inside the text
    let s = snap(text, c.s);
    let e = snap(text, c.e);
    if (e < s) [s, e] = [e, s];
    const starts = lineStarts(text);
    lsp.push({ range: { start: positionAt(text, s, starts), end: positionAt(text, e, starts) }, text: c.text });
    text = text.slice(0, s) + c.text + text.slice(e);
  }
  return { lsp, text };
}

function checkPush(server: ServerUnderTest, p: PublishDiagnosticsParams, docs: Map<string, DocState>): void {
  const d = [...docs.values()].find((x) => x.uri === p.uri);
  if (!d || p.version === undefined || p.version === null) return;
  const text = d.history.get(p.version);
  if (text !== undefined) checkDiagnostics(server, d.rel, text, p.diagnostics, 'published');
}

async function pullAndCheck(server: ServerUnderTest, d: DocState): Promise<void> {
  const version = d.version;
  const text = d.text;
  const items = await server.pull(d.uri);
  // A pull answer carries no version: the server may have taken in later changes while it worked on it.
  // Judged only when the document did not change meanwhile (then it can describe nothing else).
  if (items && d.open && d.version === version && d.text === text) checkDiagnostics(server, d.rel, text, items, 'pulled');
}

/** Ranges inside the text, and the offsets the server put in each diagnostic's data agreeing with its range. */
function checkDiagnostics(server: ServerUnderTest, rel: string, text: string, items: readonly Diagnostic[], how: string): void {
  const starts = lineStarts(text);
  for (const d of items) {
    const problem = rangeProblem(text, d.range, starts);
    if (problem) {
      server.fail('invalid-range', `${how} ${String(d.code)} in ${rel} ${JSON.stringify(d.range)}: ${problem}`);
      continue;
    }
    const key = /@(\d+)-(\d+)$/.exec((d.data as { key?: string } | undefined)?.key ?? '');
    if (!key) continue;
    // an offset between the \r and \n of a line break has no position of its own: it is the line's end
    const at = (o: number) => (o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o - 1 : o);
    const s = offsetAt(text, d.range.start, starts);
    const e = offsetAt(text, d.range.end, starts);
    if (s !== at(Number(key[1])) || e !== at(Number(key[2]))) {
      server.fail('invalid-range', `${how} ${String(d.code)} in ${rel}: range ${JSON.stringify(d.range)} is offsets ${s}-${e} of the client's text, the finding's own offsets are ${key[1]}-${key[2]} (its text differs from the client's, or offsets and positions disagree)`);
    }
  }
}

async function check(server: ServerUnderTest, cold: ServerUnderTest, docs: Map<string, DocState>, outcome: Outcome): Promise<void> {
  const open = [...docs.values()].filter((d) => d.open);
  await server.quiet();
  const fuzzed = await seen(server, open);
  cold.op = server.op;
  const coldDocs = open.map((d) => ({ ...d, version: 1, history: new Map([[1, d.text]]) }));
  cold.onPush = (p) => checkPush(cold, p, new Map(coldDocs.map((d) => [d.rel, d])));
  for (const d of coldDocs) openDoc(cold, d, d.text, 1);
  await cold.quiet();
  const fresh = await seen(cold, coldDocs);
  if (server.broken || cold.broken) return;
  outcome.fuzzed = fuzzed.diagnostics;
  outcome.cold = fresh.diagnostics;
  outcome.diffs = {};
  for (const d of open) {
    if (fuzzed.full[d.rel] !== fresh.full[d.rel]) {
      const key = (x: SeenDiagnostic) => JSON.stringify(x);
      const a = fuzzed.diagnostics[d.rel] ?? [];
      const b = fresh.diagnostics[d.rel] ?? [];
      const extra = a.filter((x) => !b.some((y) => key(y) === key(x)));
      const missing = b.filter((x) => !a.some((y) => key(y) === key(x)));
      outcome.diffs[d.rel] = { extra, missing };
      const first = extra[0] ?? missing[0];
      server.fail('diff', `${d.rel}: ${extra.length} diagnostic(s) a fresh server does not give, ${missing.length} it gives missing${first ? ` (first: ${first.code} ${JSON.stringify(first.range)} ${extra[0] ? 'extra' : 'missing'})` : ' (same codes and ranges; data, tags or related information differ)'}`);
    } else if (fuzzed.actions[d.rel] !== fresh.actions[d.rel]) {
      server.fail('action-diff', `${d.rel}: the code actions differ from a fresh server's: ${firstDifference(fuzzed.actions[d.rel] ?? '', fresh.actions[d.rel] ?? '')}`);
    }
  }
  await probe(server, open, fuzzed.diagnostics);
}

const PROBE = 'eval(policyLensProbe);\n';

/**
 * Whether the server's copy of each open code document is the client's: a statement a rule flags is
 * appended at the client's end of the text; the finding must come back exactly there. A copy whose line
 * offsets drifted puts it (and everything after it) elsewhere, even when no diagnostic differed yet.
 * The edited server is left for the fresh one after a check, so the probe is never taken back.
 */
async function probe(server: ServerUnderTest, open: readonly DocState[], before: Record<string, SeenDiagnostic[]>): Promise<void> {
  const probed: { d: DocState; text: string; at: Range['start'] }[] = [];
  for (const d of open) {
    if (!/\.[cm]?[jt]sx?$/.test(d.rel) || server.broken) continue;
    const end = positionAt(d.text, d.text.length);
    const lead = end.character > 0 ? '\n' : '';
    const text = d.text + lead + PROBE;
    const version = d.version + 1;
    server.notify('textDocument/didChange', { textDocument: { uri: d.uri, version }, contentChanges: [{ range: { start: end, end }, text: lead + PROBE }] });
    probed.push({ d: { ...d, text, version, history: new Map([[version, text]]) }, text, at: positionAt(text, text.length - PROBE.length) });
  }
  if (!probed.length) return;
  if (server.mode === 'push') await server.quiet();
  for (const p of probed) {
    const items = server.mode === 'pull' ? await server.pull(p.d.uri) : server.client.pushed.get(p.d.uri)?.version === p.d.version ? server.client.pushed.get(p.d.uri)!.diagnostics : undefined;
    if (!items) continue;
    checkDiagnostics(server, p.d.rel, p.text, items, 'probe');
    const old = new Set((before[p.d.rel] ?? []).map((x) => JSON.stringify(x.range)));
    const added = items.filter((x) => x.code === 'dynamic-code-execution' && !old.has(JSON.stringify(x.range)));
    // none: the text ends inside a comment, string or broken syntax, and the probe proves nothing
    const elsewhere = added.filter((x) => x.range.start.line !== p.at.line || x.range.start.character !== p.at.character);
    if (added.length && elsewhere.length === added.length) {
      server.fail('desync', `${p.d.rel}: a probe appended at ${p.at.line}:${p.at.character} of the client's text was reported at ${JSON.stringify(elsewhere[0]!.range.start)}: the server's copy of the text differs from the client's`);
    }
  }
}

/** What a user sees of each open document: diagnostics (pushed or pulled) and the code actions offered for them. */
async function seen(server: ServerUnderTest, open: readonly DocState[]): Promise<Seen> {
  const out: Seen = { diagnostics: {}, full: {}, actions: {} };
  for (const d of open) {
    let items: Diagnostic[] | undefined;
    if (server.mode === 'pull') items = await server.pull(d.uri);
    else {
      const p = server.client.pushed.get(d.uri);
      if (p && p.version !== undefined && p.version !== null && p.version !== d.version && p.diagnostics.length) {
        server.fail('stale', `${d.rel}: after a quiet period the last push is for version ${p.version}, the document is at ${d.version}`);
      }
      items = p?.diagnostics ?? [];
    }
    if (!items) return out;
    checkDiagnostics(server, d.rel, d.text, items, 'final');
    const list = [...items].sort(byRange);
    out.diagnostics[d.rel] = list.map((x) => ({ code: String(x.code), range: x.range, message: x.message, severity: x.severity ?? 0 }));
    out.full[d.rel] = JSON.stringify(list.map((x) => ({ ...x, data: normalise(x.data) })));
    const whole: Range = { start: { line: 0, character: 0 }, end: positionAt(d.text, d.text.length) };
    const quick = await server.request('textDocument/codeAction', () => server.client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: d.uri }, range: whole, context: { diagnostics: items, triggerKind: 1 } }) as Promise<CodeAction[]>);
    const fixAll = await server.request('textDocument/codeAction', () => server.client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: d.uri }, range: whole, context: { diagnostics: [], only: [FIX_ALL_KIND], triggerKind: 2 } }) as Promise<CodeAction[]>);
    for (const a of [...(quick ?? []), ...(fixAll ?? [])]) checkEdits(server, a, open);
    out.actions[d.rel] = JSON.stringify(normalise([quick ?? [], fixAll ?? []]));
  }
  return out;
}

function checkEdits(server: ServerUnderTest, a: CodeAction, open: readonly DocState[]): void {
  const changes = a.edit?.documentChanges ?? Object.entries(a.edit?.changes ?? {}).map(([uri, edits]) => ({ textDocument: { uri }, edits }));
  for (const c of changes) {
    if (!('edits' in c)) continue;
    const d = open.find((x) => x.uri === c.textDocument.uri);
    if (!d) continue;
    for (const e of c.edits) {
      const problem = rangeProblem(d.text, e.range);
      if (problem) server.fail('invalid-range', `code action "${a.title}" edits ${d.rel} at ${JSON.stringify(e.range)}: ${problem}`);
    }
  }
}

/** Document versions differ between the edited and the fresh server by construction: left out of the comparison. */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'version' ? null : normalise(x)]));
  return v;
}

function byRange(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.range.end.line - b.range.end.line || a.range.end.character - b.range.end.character || String(a.code).localeCompare(String(b.code)) || a.message.localeCompare(b.message);
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `edited …${a.slice(Math.max(0, i - 60), i + 60)}… vs fresh …${b.slice(Math.max(0, i - 60), i + 60)}…`;
}

// Reproductions of the server's document drifting from the editor's (issue 8), replayed through the bundled
// server over stdio. Each fixture in text-sync/ holds the ops a client sent (didChange with incremental ranges,
// pulls) and the workspace; the chipchat SDK's example bots are taken from node_modules, checked by hash.
// After the ops, and again after a probe comment appended to every line, the edited server's diagnostics must
// equal those of a fresh server opened on the client's text, and every range it ever sent must lie inside
// the text of the version it names.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { LspClient, uri } from './lsp-client';

interface Change { range: Range; text: string }
type Op = { t: 'change'; doc: string; changes: Change[] } | { t: 'pull'; doc: string } | { t: 'check' };
interface Fixture {
  name: string;
  what: string;
  mode: 'push' | 'pull';
  /** Documents whose edits change no finding: what a pull returned before the settle must be the settled result. */
  settledWhenPulled?: string[];
  ops: Op[];
  workspace: { chipchatExamples?: { rewrite: [string, string][]; sha256: Record<string, string> }; files: Record<string, string> };
}

const FIXTURES = join(__dirname, 'text-sync');

/** The client's side: LSP positions to offsets by the spec's rules, written here independently of the server. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

function lineTexts(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function offsetAt(text: string, p: Position): number {
  const starts = lineStarts(text);
  if (p.line >= starts.length) return text.length;
  return starts[p.line]! + Math.min(p.character, lineTexts(text)[p.line]!.length);
}

function applyChanges(text: string, changes: readonly Change[]): string {
  for (const c of changes) {
    const a = offsetAt(text, c.range.start);
    const b = offsetAt(text, c.range.end);
    text = text.slice(0, a) + c.text + text.slice(b);
  }
  return text;
}

/** Why `range` does not name a place in `text` (undefined when it does). */
function outside(range: Range, text: string): string | undefined {
  const lines = lineTexts(text);
  for (const p of [range.start, range.end]) {
    if (p.line >= lines.length) return `line ${p.line} is past the last line (${lines.length - 1})`;
    if (p.character > lines[p.line]!.length) return `character ${p.character} is past the end of line ${p.line} (length ${lines[p.line]!.length})`;
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) return 'it ends before it starts';
  return undefined;
}

function assertInside(diagnostics: readonly Diagnostic[], text: string, where: string): void {
  for (const d of diagnostics) {
    const why = outside(d.range, text);
    assert.equal(why, undefined, `${where}: ${String(d.code)} ${JSON.stringify(d.range)}: ${why}`);
  }
}

const shown = (ds: readonly Diagnostic[]) => ds.map((d) => JSON.stringify({ code: d.code, range: d.range, message: d.message, severity: d.severity })).sort();

/** The fixture's workspace in a temp folder: its own files, plus the chipchat examples it names (hash-checked). */
function materialise(fx: Fixture): { dir: string; files: Map<string, string>; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'policy-lens-sync-')).replace(/\\/g, '/');
  const files = new Map<string, string>();
  const chip = fx.workspace.chipchatExamples;
  if (chip) {
    const examples = join(dirname(require.resolve('chipchat/package.json')), 'examples');
    for (const [rel, hash] of Object.entries(chip.sha256)) {
      let text = readFileSync(join(examples, rel), 'utf8');
      for (const [from, to] of chip.rewrite) text = text.split(from).join(to);
      const actual = createHash('sha256').update(text).digest('hex');
      assert.equal(actual, hash, `node_modules/chipchat/examples/${rel} is not the file the reproduction was made with (another chipchat version?)`);
      files.set(rel, text);
    }
  }
  for (const [rel, text] of Object.entries(fx.workspace.files)) files.set(rel, text);
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return { dir, files, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Polls an async check (the server answers requests; nothing to wait for but its answers). */
async function eventually<T>(check: () => Promise<T | undefined>, what: () => string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A client session replaying the fixture, keeping every version of every document it edits. */
class Session {
  readonly versions = new Map<string, string[]>(); // rel → text by version - 1
  /** The last pull op's answer per document, with the version it answered. */
  readonly pulled = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  constructor(readonly client: LspClient, readonly dir: string, readonly mode: 'push' | 'pull') {}

  path(rel: string): string {
    return `${this.dir}/${rel}`;
  }
  text(rel: string): string {
    return this.versions.get(rel)!.at(-1)!;
  }
  open(rel: string, text: string): void {
    this.versions.set(rel, [text]);
    this.client.open(this.path(rel), 1, text);
  }
  change(rel: string, changes: Change[]): void {
    const list = this.versions.get(rel)!;
    list.push(applyChanges(list.at(-1)!, changes));
    void this.client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(this.path(rel)), version: list.length }, contentChanges: changes });
  }
  /** The server's current diagnostics of `rel`: pulled, or the last pushed for the current version. */
  async diagnostics(rel: string): Promise<Diagnostic[]> {
    if (this.mode === 'pull') return this.client.pull(this.path(rel));
    return this.client.pushedFor(this.path(rel), () => true, this.versions.get(rel)!.length);
  }
  /** The code actions for all of `rel`'s diagnostics edit ranges inside the texts they name. */
  async checkFixEdits(rel: string): Promise<void> {
    const diagnostics = await this.diagnostics(rel);
    const whole = { start: { line: 0, character: 0 }, end: { line: lineTexts(this.text(rel)).length, character: 0 } };
    const actions = (await this.client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(this.path(rel)) }, range: whole, context: { diagnostics } })) as CodeAction[];
    assert.ok(actions.some((a) => a.edit), `${rel}: some code action edits the file`);
    for (const a of actions) {
      for (const op of a.edit?.documentChanges ?? []) {
        if (!('edits' in op)) continue;
        const target = [...this.versions.keys()].find((r) => uri(this.path(r)) === op.textDocument.uri);
        const file = new URL(op.textDocument.uri);
        const text = target ? this.text(target) : existsSync(file) ? readFileSync(file, 'utf8') : ''; // a file the fix creates starts empty
        for (const e of op.edits) assert.equal(outside(e.range, text), undefined, `${a.title}: edit ${JSON.stringify(e.range)} of ${op.textDocument.uri}`);
      }
    }
  }

  /** Every range pushed so far lies inside the text of the version it was pushed for. */
  checkPushed(): void {
    for (const p of this.client.published) {
      const rel = [...this.versions.keys()].find((r) => uri(this.path(r)) === p.uri);
      if (!rel || p.version === undefined) continue;
      assertInside(p.diagnostics, this.versions.get(rel)![p.version - 1]!, `pushed for ${rel} v${p.version}`);
    }
  }
}

/** A server that never saw an incremental change: it gets each text whole, then runs a full check. */
class FreshServer {
  readonly client = new LspClient();
  private readonly opened = new Map<string, number>();
  constructor(readonly dir: string) {}

  async diagnostics(texts: Map<string, string>): Promise<Map<string, Diagnostic[]>> {
    for (const [rel, text] of texts) {
      const path = `${this.dir}/${rel}`;
      const version = (this.opened.get(rel) ?? 0) + 1;
      if (version === 1) this.client.open(path, 1, text);
      else this.client.change(path, version, text);
      this.opened.set(rel, version);
    }
    await this.client.conn.sendRequest('policyLens/checkWorkspace');
    return new Map([...texts.keys()].map((rel) => [rel, this.client.pushed.get(uri(`${this.dir}/${rel}`))?.diagnostics ?? []]));
  }
}

/** The edited server's diagnostics come to equal a fresh server's on the client's texts. */
async function compareWithFresh(s: Session, fresh: FreshServer, label: string): Promise<Map<string, Diagnostic[]>> {
  const texts = new Map([...s.versions.keys()].map((rel) => [rel, s.text(rel)]));
  const cold = await fresh.diagnostics(texts);
  for (const [rel, expected] of cold) {
    let last: Diagnostic[] = [];
    await eventually(
      async () => {
        last = await s.diagnostics(rel);
        assertInside(last, s.text(rel), `${label}: ${rel}`);
        return JSON.stringify(shown(last)) === JSON.stringify(shown(expected)) ? true : undefined;
      },
      () => `${label}: the edited server's diagnostics of ${rel} never matched a fresh server's on the client's text\nedited: ${shown(last).join('\n        ')}\nfresh:  ${shown(expected).join('\n        ')}`,
    ).catch((e: Error) => assert.fail(e.message));
  }
  return cold;
}

/** A suppression naming an unknown rule at the end of every line: its diagnostic shows where the server puts each line end. */
function probes(text: string): Change[] {
  return lineTexts(text)
    .map((_, line) => ({ range: { start: { line, character: 100_000 }, end: { line, character: 100_000 } }, text: ` // policy-lens-disable-line probe-${line} -- where the server sees line ${line} end` }))
    .reverse();
}

describe('language server: text sync reproductions (didChange with incremental ranges)', () => {
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort()) {
    const fx = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Fixture;
    it(`${fx.name} (${fx.mode}): ${fx.what}`, async () => {
      const ws = materialise(fx);
      const client = new LspClient();
      const fresh = new FreshServer(ws.dir);
      try {
        await Promise.all([client.initialize(ws.dir, { pull: fx.mode === 'pull' }), fresh.client.initialize(ws.dir)]);
        const session = new Session(client, ws.dir, fx.mode);
        const docs = [...new Set(fx.ops.flatMap((op) => (op.t === 'check' ? [] : [op.doc])))];
        for (const rel of docs) session.open(rel, ws.files.get(rel)!);
        // as in an editor: the opened files' diagnostics are in before the first keystroke
        for (const rel of docs) await session.diagnostics(rel);
        for (const [i, op] of fx.ops.entries()) {
          if (op.t === 'change') session.change(op.doc, op.changes);
          else if (op.t === 'pull') {
            const diagnostics = await session.diagnostics(op.doc);
            assertInside(diagnostics, session.text(op.doc), `op ${i}: ${op.doc}`);
            session.pulled.set(op.doc, { version: session.versions.get(op.doc)!.length, diagnostics });
          } else {
            const settled = await compareWithFresh(session, fresh, `op ${i}`);
            for (const rel of fx.settledWhenPulled ?? []) {
              const p = session.pulled.get(rel);
              if (p?.version === session.versions.get(rel)!.length) assert.deepEqual(shown(p.diagnostics), shown(settled.get(rel)!), `op ${i}: what ${rel}'s pull returned before the settle is where the findings are`);
            }
          }
        }
        for (const rel of docs) session.change(rel, probes(session.text(rel)));
        await compareWithFresh(session, fresh, 'after a probe at every line end');
        session.checkPushed();
        for (const rel of docs) await session.checkFixEdits(rel);
      } finally {
        await Promise.all([client.stop(), fresh.client.stop()]);
        ws.cleanup();
      }
    });
  }
});

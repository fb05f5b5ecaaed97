// One server, 10,000 edits: does its memory level off? Edits come in bursts (typing) with a pull or a
// pause between; RSS is read from /proc every 500 edits, and the server's own policyLens/memory figure
// (after a full run and a garbage collection: the server runs with --expose-gc here) at the start and the end.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { uri } from '../server/lsp-client';
import { corpus, isCode } from './corpus';
import { generate } from './generate';
import { Prng } from './prng';
import { ServerUnderTest } from './server-under-test';
import { lspChanges } from './session';

interface Memory { rss: number; heapUsed: number }
export interface LongSession { edits: number; ms: number; samples: { edits: number; rss: number }[]; memoryStart?: Memory; memoryEnd?: Memory; failures: string[] }

export async function longSession(seed: number, edits: number, log: (m: string) => void = () => undefined): Promise<LongSession> {
  const rng = new Prng(seed);
  const app = corpus().find((a) => a.name === 'chipchat-examples')!;
  const dir = mkdtempSync(join(tmpdir(), 'policy-lens-long-'));
  // the texts come from one generated sequence's workspace (same resolution as the fuzzer)
  const sc = generate([app], seed, 'pull', 1);
  for (const [rel, text] of Object.entries(sc.files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const server = await ServerUnderTest.launch('fuzzed', 'pull', dir, ['--expose-gc']);
  const out: LongSession = { edits: 0, ms: 0, samples: [], failures: [] };
  const t0 = Date.now();
  try {
    const rel = Object.keys(sc.files).filter(isCode).sort((a, b) => sc.files[b]!.length - sc.files[a]!.length)[0]!;
    const u = uri(join(dir, rel));
    let text = sc.files[rel]!;
    let version = 1;
    server.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'javascript', version, text } });
    await server.quiet();
    out.memoryStart = await server.request('policyLens/memory', () => server.client.conn.sendRequest('policyLens/memory') as Promise<Memory>, 60_000);
    out.samples.push({ edits: 0, rss: server.rss() ?? 0 });
    let burst = 0;
    while (out.edits < edits && !server.broken) {
      // the edits of short generated sequences on this document, replayed one after another
      const g = generate([{ name: app.name, files: { ...app.files, [rel]: text } }], rng.next(), 'pull', 40);
      for (const op of g.ops) {
        if (op.t !== 'change' || op.doc !== rel || out.edits >= edits) continue;
        const r = lspChanges(text, op.changes);
        text = r.text;
        server.notify('textDocument/didChange', { textDocument: { uri: u, version: ++version }, contentChanges: r.lsp });
        out.edits += r.lsp.length;
        if (++burst % 20 === 0) await server.pull(u);
        if (out.edits % 500 < r.lsp.length) {
          const rss = server.rss() ?? 0;
          out.samples.push({ edits: out.edits, rss });
          log(`${out.edits} edits: RSS ${(rss / 1048576).toFixed(1)} MiB`);
        }
      }
      // keep the document a reasonable size: a user's file does not grow without end
      if (text.length > 40_000) {
        server.notify('textDocument/didChange', { textDocument: { uri: u, version: ++version }, contentChanges: [{ text: sc.files[rel]! }] });
        text = sc.files[rel]!;
      }
    }
    await server.quiet();
    out.memoryEnd = await server.request('policyLens/memory', () => server.client.conn.sendRequest('policyLens/memory') as Promise<Memory>, 60_000);
    out.samples.push({ edits: out.edits, rss: server.rss() ?? 0 });
  } finally {
    await server.stop();
    out.failures = server.events.map((e) => `${e.kind}: ${e.detail}`);
    rmSync(dir, { recursive: true, force: true });
  }
  out.ms = Date.now() - t0;
  return out;
}

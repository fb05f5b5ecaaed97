// Documents no editor should send but some will: 50 MB of text, NUL bytes, URIs outside the workspace or of
// other schemes, with `..`, odd percent-encoding or Windows paths. Each is answered, bounded, and named where
// it is not checked; the server goes on serving.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { copyFixture, LspClient, uri } from './lsp-client';
import { assertNoFailure, assertServing, BAD_CODE, logged, logLines } from './hostile-support';

type Report = { kind: string; resultId?: string; items?: Diagnostic[] };
const MiB = 2 ** 20;

describe('language server: a 50 MB document and a binary one', () => {
  let ws: ReturnType<typeof copyFixture>;
  let c: LspClient;
  before(async () => {
    ws = copyFixture();
    c = new LspClient(['--expose-gc']);
    await c.initialize(ws.dir, { pull: true });
  });
  after(async () => {
    await c.stop();
    ws.cleanup();
  });

  const heap = async () => ((await c.conn.sendRequest('policyLens/memory')) as { heapUsed: number }).heapUsed;

  it('is answered, named as not checked, not re-checked per keystroke, and its memory is bounded and given back', async (t) => {
    await assertServing(c, ws.dir);
    const baseline = await heap();
    const big = `${ws.dir}/src/huge.js`;
    const line = "const reminder = 'Your car is due for service';\n";
    const text = line.repeat(Math.ceil((50 * MiB) / line.length)) + BAD_CODE;
    const ask = (previousResultId?: string) => c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri(big) }, previousResultId }) as Promise<Report>;
    const before = logLines(c).length;
    c.open(big, 1, text);
    const opened = await ask();
    assert.deepEqual(opened.items, [], 'answered; too big for the default maxFileBytes');
    await logged(c, /huge\.js: Not checked: larger than 1024 KiB/, before);

    c.change(big, 2, text + '// one more line\n');
    await logged(c, /huge\.js is over 1 MiB: it is checked when saved/, before);
    for (let v = 3; v < 13; v++) {
      void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(big), version: v }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'x' }] });
    }
    assert.deepEqual(await ask(opened.resultId), { kind: 'unchanged', resultId: opened.resultId }, 'no new run for the keystrokes');
    const typing = await heap();
    t.diagnostic(`heap: ${(baseline / MiB).toFixed(0)} MiB before, ${((typing - baseline) / MiB).toFixed(0)} MiB more with the 50 MB document after 11 edits`);
    // the text the engine saw and the editor's current one; not one copy per version
    assert.ok(typing - baseline < 200 * MiB, `heap grew by ${((typing - baseline) / MiB).toFixed(0)} MiB`);

    void c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri(big) } });
    await assertServing(c, ws.dir);
    const closed = await heap();
    t.diagnostic(`heap after closing it: ${(closed / MiB).toFixed(0)} MiB`);
    assert.ok(closed - baseline < 30 * MiB, `heap after closing is ${((closed - baseline) / MiB).toFixed(0)} MiB above the baseline`);
  });

  it('a document with NUL bytes is named as binary, and the server serves', async () => {
    const before = logLines(c).length;
    const blob = `${ws.dir}/src/blob.js`;
    c.open(blob, 1, 'const a = 1;\u0000\u0001\u0002\n' + BAD_CODE);
    assert.deepEqual(await c.pull(blob), []);
    await logged(c, /blob\.js: Not checked: binary content/, before);
    await assertServing(c, ws.dir);
  });
});

describe('language server: URIs outside the workspace, of other schemes, with .., odd encodings', () => {
  let ws: ReturnType<typeof copyFixture>;
  let outside: string;
  let c: LspClient;
  before(async () => {
    ws = copyFixture();
    outside = mkdtempSync(join(tmpdir(), 'policy-lens-outside-')).replace(/\\/g, '/');
    c = new LspClient();
    await c.initialize(ws.dir, { pull: true });
  });
  after(async () => {
    await c.stop();
    ws.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it('a file outside every workspace folder is checked on its own, and the workspace report does not take it in', async () => {
    const loose = `${outside}/loose.js`;
    writeFileSync(loose, BAD_CODE);
    c.open(loose);
    assert.deepEqual((await c.pull(loose)).map((d) => d.code), ['security-control-disabled']);
    const report = (await c.conn.sendRequest('policyLens/report', { uri: uri(`${ws.dir}/src/bot.js`) })) as { markdown: string };
    assert.ok(!report.markdown.includes(basename(outside)), 'the workspace report names nothing outside it');
    await assertServing(c, ws.dir);
  });

  for (const u of ['untitled:Untitled-1', 'git:/repo/src/bot.js?%7B%22ref%22%3A%22HEAD%22%7D', 'vscode-notebook-cell:/nb.ipynb#W0sZmlsZQ%3D%3D']) {
    it(`${u.split(':')[0]}: is not checked and the log says why`, async () => {
      const before = logLines(c).length;
      void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'javascript', version: 1, text: BAD_CODE } });
      await logged(c, /is not checked: Policy Lens checks files \(file: URIs\) only/, before);
      assert.deepEqual((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: u } }) as Report).items, []);
      void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ text: BAD_CODE + '\n' }] });
      assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 1, character: 20 } }), null);
      await assertServing(c, ws.dir);
    });
  }

  it('a URI whose .. segments lead out of the workspace counts as the file it names, outside', async () => {
    mkdirSync(`${outside}/app`, { recursive: true });
    writeFileSync(`${outside}/app/escaped.js`, BAD_CODE);
    const depth = ws.dir.split('/').length - 1;
    const climbing = `${uri(ws.dir)}/src/${'../'.repeat(depth + 1)}${outside.slice(1)}/app/escaped.js`;
    void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: climbing, languageId: 'javascript', version: 1, text: BAD_CODE } });
    assert.deepEqual((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: climbing } }) as Report).items!.map((d) => d.code), ['security-control-disabled']);
    const report = (await c.conn.sendRequest('policyLens/report', { uri: uri(`${ws.dir}/src/bot.js`) })) as { markdown: string };
    assert.ok(!report.markdown.includes('escaped.js'), 'not part of the workspace report');
    await assertServing(c, ws.dir);
  });

  it('an encoded backslash is part of a file name, not a way out: %5C..%5C stays in its folder', async () => {
    // on POSIX `a\..\..\x.js` is one odd file name in src/; read as a path it would climb to the outside file
    writeFileSync(`${outside}/x.js`, BAD_CODE);
    const rel = `${'..%5C'.repeat(ws.dir.split('/').length + 1)}${outside.slice(1).replace(/\//g, '%5C')}%5Cx.js`;
    const sneaky = `${uri(ws.dir)}/src/${rel}`;
    // the memory request counts the texts every project holds, after a full run of each
    const held = async () => ((await c.conn.sendRequest('policyLens/memory')) as { files: number }).files;
    const before = await held();
    void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: sneaky, type: 1 }] });
    assert.equal(await held(), before, 'nothing was read for it');
    await assertServing(c, ws.dir);
  });

  for (const [label, u] of [
    ['an encoded slash', 'file:///tmp/a%2Fb.js'],
    ['a broken percent-escape', 'file:///tmp/a%E0%A4%A.js'],
    ['a NUL byte', 'file:///tmp/a%00b.js'],
    ['a host (UNC share)', 'file://server/share/a.js'],
  ] as const) {
    it(`a file URI with ${label}: not checked, no failure, the server serves`, async () => {
      const before = logLines(c).length;
      void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'javascript', version: 1, text: BAD_CODE } });
      await logged(c, /is not checked/, before);
      assert.deepEqual((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: u } }) as Report).items, []);
      void c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
      await assertServing(c, ws.dir);
    });
  }

  it('Windows-style URIs (drive letters, encoded colon) are answered as paths that do not exist here', async () => {
    for (const u of ['file:///C:/Users/dev/bot.js', 'file:///c%3A/Users/dev/bot.js']) {
      void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'javascript', version: 1, text: BAD_CODE } });
      assert.deepEqual((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: u } }) as Report).items!.map((d) => d.code), ['security-control-disabled'], u);
      void c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
    }
    await assertServing(c, ws.dir);
  });

  it('file:/// (the root folder) as a document or a report is answered without reading the disk', async () => {
    const r = (await c.conn.sendRequest('policyLens/report', { uri: 'file:///' })) as { markdown: string };
    assert.match(r.markdown, /over 0 files/);
    assert.doesNotMatch(r.markdown, /over [1-9]\d* files/);
    assert.deepEqual((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///' } }) as Report).items, []);
    await assertServing(c, ws.dir);
    assertNoFailure(c);
  });
});

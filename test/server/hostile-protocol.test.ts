// Malformed JSON-RPC and params of the wrong shape, sent to the bundled server over stdio: each gets a clear
// line in the log (or an error response naming what is wrong) and the server goes on serving.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc/node';
import { copyFixture, LspClient, uri } from './lsp-client';
import { assertNoFailure, assertServing, logged, logLines } from './hostile-support';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe('language server: malformed JSON-RPC', () => {
  let ws: ReturnType<typeof copyFixture>;
  let c: LspClient;
  before(async () => {
    ws = copyFixture();
    c = new LspClient();
    await c.initialize(ws.dir, { pull: true });
  });
  after(async () => {
    await c.stop();
    ws.cleanup();
  });

  /** Writes bytes past the client's framing, straight onto the server's stdin. */
  const raw = (bytes: string | Buffer) => new Promise<void>((res) => c.proc.stdin!.write(bytes, () => res()));

  const unreadable: [string, string, RegExp][] = [
    ['garbage bytes', '\u0000\u0001\u0002 not a header\r\n\r\n', /could not read .*key and value/],
    ['a header block without Content-Length', 'Content-Type: application/json\r\n\r\n', /could not read .*Content-Length/],
    ['a Content-Length that is not a number', 'Content-Length: lots\r\n\r\n', /could not read .*must be a number/],
    ['a body that is not JSON', frame('this is not json {'), /could not read/],
    ['an empty body', 'Content-Length: 0\r\n\r\n', /could not read/],
  ];
  for (const [label, bytes, said] of unreadable) {
    it(`${label}: dropped with a line in the log, and the server serves`, async () => {
      const before = logLines(c).length;
      await raw(bytes);
      assert.match(await logged(c, /Policy Lens: dropped a message/, before), said);
      await assertServing(c, ws.dir);
    });
  }

  for (const [label, body] of [
    ['a JSON array', '[1, 2, 3]'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
    ['an object with neither method nor id', '{"jsonrpc": "2.0", "params": {}}'],
  ] as const) {
    it(`${label} (JSON, not a message): named in the log, and the server serves`, async () => {
      const before = logLines(c).length;
      await raw(frame(body));
      await logged(c, /neither a response nor a notification|empty message/i, before);
      await assertServing(c, ws.dir);
    });
  }

  it('a request with an unknown method gets MethodNotFound, and the server serves', async () => {
    await assert.rejects(c.conn.sendRequest('policyLens/noSuchThing', {}), (e: ResponseError<unknown>) => e.code === -32601 && /Unhandled method policyLens\/noSuchThing/.test(e.message));
    await assertServing(c, ws.dir);
  });
});

describe('language server: params of the wrong shape', () => {
  let ws: ReturnType<typeof copyFixture>;
  let c: LspClient;
  let bot: string;
  before(async () => {
    ws = copyFixture();
    c = new LspClient();
    await c.initialize(ws.dir, { pull: true });
    bot = `${ws.dir}/src/bot.js`;
    c.open(bot);
    await c.pull(bot);
  });
  after(async () => {
    await c.stop();
    ws.cleanup();
  });

  const notify = (method: string, params: unknown) => void c.conn.sendNotification(method, params);

  const dropped: [string, string, unknown, RegExp][] = [
    ['didOpen without textDocument', 'textDocument/didOpen', {}, /ignored textDocument\/didOpen: params\.textDocument must have uri/],
    ['didOpen whose text is a number', 'textDocument/didOpen', { textDocument: { uri: 'file:///tmp/policy-lens-x.js', languageId: 'javascript', version: 1, text: 42 } }, /ignored textDocument\/didOpen/],
    ['didOpen whose uri is a number', 'textDocument/didOpen', { textDocument: { uri: 42, languageId: 'javascript', version: 1, text: 'x' } }, /ignored textDocument\/didOpen/],
    ['didChange without contentChanges', 'textDocument/didChange', { textDocument: { uri: 'file:///x.js', version: 2 } }, /contentChanges must be an array/],
    ['didChange whose text is a number', 'textDocument/didChange', { textDocument: { uri: 'file:///x.js', version: 2 }, contentChanges: [{ text: 42 }] }, /contentChanges\[0\]\.text must be a string/],
    ['didChange without a version', 'textDocument/didChange', { textDocument: { uri: 'file:///x.js' }, contentChanges: [{ text: '' }] }, /version \(a whole number\)/],
    ['didClose without textDocument', 'textDocument/didClose', {}, /ignored textDocument\/didClose/],
    ['didChangeWatchedFiles without changes', 'workspace/didChangeWatchedFiles', {}, /ignored workspace\/didChangeWatchedFiles: params\.changes must be an array/],
  ];
  for (const [label, method, params, said] of dropped) {
    it(`${label}: dropped with a line saying what is wrong, and the server serves`, async () => {
      const before = logLines(c).length;
      notify(method, params);
      await logged(c, said, before);
      await assertServing(c, ws.dir);
    });
  }

  it('didChange for a document never opened: ignored and said so', async () => {
    const before = logLines(c).length;
    const never = `${ws.dir}/src/never-opened.js`;
    notify('textDocument/didChange', { textDocument: { uri: uri(never), version: 2 }, contentChanges: [{ text: 'x' }] });
    assert.match(await logged(c, /ignored a change to/, before), /never-opened\.js: that document is not open/);
    await assertServing(c, ws.dir);
  });

  it('negative positions in a change: the change is dropped and said so; the document keeps its findings', async () => {
    const before = logLines(c).length;
    notify('textDocument/didChange', { textDocument: { uri: uri(bot), version: 2 }, contentChanges: [{ range: { start: { line: -3, character: -1 }, end: { line: -1, character: 0 } }, text: '// x\n' }] });
    await logged(c, /ignored textDocument\/didChange: contentChanges\[0\]\.range must be/, before);
    assert.ok((await c.pull(bot)).some((d) => d.code === 'security-control-disabled'));
    await assertServing(c, ws.dir);
  });

  it('a range past the end of the document: applied at the end and said so', async () => {
    const before = logLines(c).length;
    const lines = readFileSync(bot, 'utf8').split('\n').length;
    notify('textDocument/didChange', { textDocument: { uri: uri(bot), version: 3 }, contentChanges: [{ range: { start: { line: 900, character: 0 }, end: { line: 901, character: 4 } }, text: '\n// appended\n' }] });
    assert.match(await logged(c, /a change at line/, before), new RegExp(`line 902 of a ${lines}-line document`));
    assert.ok((await c.pull(bot)).some((d) => d.code === 'security-control-disabled'));
    await assertServing(c, ws.dir);
  });

  it('a version going backwards: accepted and said so', async () => {
    const before = logLines(c).length;
    const text = readFileSync(bot, 'utf8').replace('rejectUnauthorized: false', 'rejectUnauthorized: true');
    c.change(bot, 1, text);
    await logged(c, /version 1 follows version 3; versions should increase/, before);
    assert.ok(!(await c.pull(bot)).some((d) => d.code === 'security-control-disabled'), 'the change itself was applied');
    await assertServing(c, ws.dir);
  });

  const requests: [string, string, unknown, RegExp][] = [
    ['hover without params.textDocument', 'textDocument/hover', {}, /textDocument\/hover: params\.textDocument\.uri must be a string/],
    ['hover whose uri is a number', 'textDocument/hover', { textDocument: { uri: 5 }, position: { line: 0, character: 0 } }, /uri must be a string/],
    ['hover with a negative position', 'textDocument/hover', { textDocument: { uri: 'file:///x.js' }, position: { line: -1, character: 0 } }, /params\.position must be/],
    ['code actions without a context', 'textDocument/codeAction', { textDocument: { uri: 'file:///x.js' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, /params\.context must have a diagnostics array/],
    ['a pull without textDocument', 'textDocument/diagnostic', {}, /textDocument\/diagnostic: params\.textDocument\.uri/],
    ['code lenses without textDocument', 'textDocument/codeLens', {}, /textDocument\/codeLens: /],
    ['completion without textDocument', 'textDocument/completion', {}, /textDocument\/completion: /],
    ['executeCommand without a command', 'workspace/executeCommand', {}, /params\.command must be a string/],
    ['the manifest state without a uri', 'policyLens/manifestState', {}, /policyLens\/manifestState: params\.uri must be a string/],
    ['the listing without a uri', 'policyLens/listing', { uri: 7 }, /policyLens\/listing: params\.uri must be a string/],
    ['rule info without an id', 'policyLens/ruleInfo', {}, /params\.id must be a string/],
  ];
  for (const [label, method, params, said] of requests) {
    it(`${label}: InvalidParams naming the field, and the server serves`, async () => {
      await assert.rejects(c.conn.sendRequest(method, params), (e: ResponseError<unknown>) => {
        assert.equal(e.code, -32602, e.message);
        assert.match(e.message, said);
        return true;
      });
      await assertServing(c, ws.dir);
    });
  }

  it('a report for a URI that is no file answers with the empty-folder text, not a walk of the server\'s folder', async () => {
    for (const u of ['untitled:Untitled-1', 'file:///a/b%2Fc.js', 'file://server/share/x.js']) {
      const r = (await c.conn.sendRequest('policyLens/report', { uri: u })) as { markdown: string };
      assert.match(r.markdown, /Open a folder with a Web1on1 app/, u);
    }
    await assertServing(c, ws.dir);
    assertNoFailure(c);
  });
});

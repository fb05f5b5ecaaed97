// Code actions (fixes, multi-file fixes, stale-version refusal, suppression paths), hover, code lens,
// and "Check workspace", against the bundled server over stdio.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, Diagnostic, Hover, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { copyFixture, LspClient, uri } from './lsp-client';

async function actionsFor(c: LspClient, path: string, d: Diagnostic): Promise<CodeAction[]> {
  return (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(path) }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
}

describe('language server: code actions, hover, lenses', () => {
  let ws: ReturnType<typeof copyFixture>;
  let c: LspClient;
  let bot: string;
  before(async () => {
    ws = copyFixture();
    c = new LspClient();
    await c.initialize(ws.dir);
    bot = `${ws.dir}/src/bot.js`;
    c.open(bot);
  });
  after(async () => {
    await c.stop();
    ws.cleanup();
  });

  it('offers the rule fix, a suppression and the documentation', async () => {
    const diags = await c.pushedFor(bot, (d) => d.some((x) => x.code === 'security-control-disabled'), 1);
    const d = diags.find((x) => x.code === 'security-control-disabled')!;
    const actions = await actionsFor(c, bot, d);
    const fix = actions.find((a) => a.isPreferred)!;
    assert.ok(fix, 'a preferred fix');
    const edit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(edit.textDocument.version, 1, 'the edit is versioned');
    assert.equal(edit.edits[0]!.newText, 'true');
    const suppress = actions.find((a) => a.title.startsWith('Suppress'))!;
    // a client without our command gets a plain insert with no reason: it stays invalid until one is typed
    const ins = (suppress.edit!.documentChanges![0] as TextDocumentEdit).edits[0]!;
    assert.equal(ins.newText, '// policy-lens-disable-next-line security-control-disabled -- \n');
    assert.deepEqual(ins.range.start, { line: 11, character: 0 });
    const docs = actions.find((a) => a.title.startsWith('Show documentation'))!;
    assert.equal(docs.command!.command, 'policyLens.server.showDocumentation');
  });

  it('a missing-scope fix edits the manifest, in another file', async () => {
    const diags = await c.pushedFor(bot, (d) => d.some((x) => x.code === 'scope-missing'), 1);
    const d = diags.find((x) => x.code === 'scope-missing')!;
    const fix = (await actionsFor(c, bot, d)).find((a) => a.isPreferred)!;
    const files = fix.edit!.documentChanges!.map((e) => ('textDocument' in e ? e.textDocument.uri : 'uri' in e ? e.uri : e.newUri));
    assert.ok(files.includes(uri(`${ws.dir}/web1on1-app.json`)), `edits ${files.join(', ')}`);
    const manifestEdit = fix.edit!.documentChanges!.find((e) => 'textDocument' in e && e.textDocument.uri.endsWith('web1on1-app.json')) as TextDocumentEdit;
    assert.equal(manifestEdit.textDocument.version, null, 'the manifest is not open: unversioned');
    assert.match(manifestEdit.edits.map((e) => e.newText).join(''), /messages:consumer/);
  });

  it('refuses a fix computed for an older version of the document', async () => {
    const diags = await c.pushedFor(bot, (d) => d.some((x) => x.code === 'security-control-disabled'), 1);
    const old = diags.find((x) => x.code === 'security-control-disabled')!;
    c.change(bot, 2, '\n' + readFileSync(bot, 'utf8')); // everything moves down one line
    await c.pushedFor(bot, () => true, 2);
    const actions = await actionsFor(c, bot, old);
    assert.equal(actions.filter((a) => a.edit).length, 0, 'no edit from the stale diagnostic');
    const fresh = (await c.pushedFor(bot, (d) => d.some((x) => x.code === 'security-control-disabled'), 2)).find((x) => x.code === 'security-control-disabled')!;
    assert.equal(fresh.range.start.line, old.range.start.line + 1);
    const now = await actionsFor(c, bot, fresh);
    assert.equal((now.find((a) => a.isPreferred)!.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, 2);
  });

  it('hover quotes the clause, attributed to Web1on1, and says how to fix', async () => {
    const d = (await c.pushedFor(bot, (x) => x.some((y) => y.code === 'security-control-disabled'))).find((x) => x.code === 'security-control-disabled')!;
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(bot) }, position: d.range.start })) as Hover;
    const text = (h.contents as { value: string }).value;
    assert.match(text, /> You will not create Applications/);
    assert.match(text, /— Web1on1 Developer Policy, clause C\.4/);
    assert.match(text, /\*\*How to fix:\*\* Verify certificates/);
    assert.ok(!text.includes(d.message), 'the message is not repeated: the editor shows it beside the hover');
  });

  it('code lenses on manifest scopes list their call sites or say unused', async () => {
    const manifest = `${ws.dir}/web1on1-app.json`;
    c.open(manifest);
    const got = (await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(manifest) } })) as CodeLens[];
    assert.equal(got.length, 1);
    assert.match(got[0]!.command!.title, /messages:read/);
  });

  it('"Check workspace" publishes closed files and reports progress', async () => {
    const r = (await c.conn.sendRequest('policyLens/checkWorkspace', {})) as { files: number; findings: number };
    assert.ok(r.files >= 2);
    const closed = await c.pushedFor(`${ws.dir}/src/suppressed.js`, (d) => d.length > 0);
    assert.ok(closed.some((d) => d.code === 'invalid-suppression'));
    assert.ok(c.notifications.some((n) => n.method === 'policyLens/status'));
  });
});

describe('language server: client commands', () => {
  it('uses the client command for suppressions when the client has it', async () => {
    const ws = copyFixture();
    const c = new LspClient();
    try {
      await c.initialize(ws.dir, { initializationOptions: { clientCommands: ['policyLens.suppressWithReason', 'policyLens.explainRule'] } });
      const bot = `${ws.dir}/src/bot.js`;
      c.open(bot);
      const d = (await c.pushedFor(bot, (x) => x.some((y) => y.code === 'security-control-disabled'))).find((x) => x.code === 'security-control-disabled')!;
      const actions = await actionsFor(c, bot, d);
      const s = actions.find((a) => a.title.startsWith('Suppress'))!;
      assert.equal(s.command!.command, 'policyLens.suppressWithReason');
      assert.deepEqual(s.command!.arguments, [uri(bot), 11, 'security-control-disabled', 1]);
      assert.equal(actions.find((a) => a.title.startsWith('Show documentation'))!.command!.command, 'policyLens.explainRule');
    } finally {
      await c.stop();
      ws.cleanup();
    }
  });
});

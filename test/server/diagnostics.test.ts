// The bundled server over stdio: initialize, push and pull diagnostics, suppressions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { copyFixture, LspClient, uri } from './lsp-client';

describe('language server: diagnostics', () => {
  let ws: ReturnType<typeof copyFixture>;
  before(() => (ws = copyFixture()));
  after(() => ws.cleanup());

  it('answers initialize with its capabilities (time recorded, not asserted)', async (t) => {
    const c = new LspClient();
    try {
      const { result, ms } = await c.initialize(ws.dir);
      t.diagnostic(`initialize answered in ${ms.toFixed(0)} ms`);
      assert.ok(result.capabilities.codeActionProvider);
      assert.equal(result.capabilities.hoverProvider, true);
      assert.equal(result.capabilities.diagnosticProvider, undefined, 'no pull provider for a client without pull support');
    } finally {
      await c.stop();
    }
  });

  it('pushes clause-citing diagnostics for an opened document', async () => {
    const c = new LspClient();
    try {
      await c.initialize(ws.dir);
      const bot = `${ws.dir}/src/bot.js`;
      c.open(bot);
      const diags = await c.pushedFor(bot, (d) => d.some((x) => x.code === 'security-control-disabled'), 1);
      const d = diags.find((x) => x.code === 'security-control-disabled')!;
      assert.equal(d.source, 'policy-lens');
      assert.match(d.message, /^\[C\.4\] /);
      assert.deepEqual(d.range, { start: { line: 11, character: 32 }, end: { line: 11, character: 57 } });
      assert.match(d.codeDescription!.href, /\/code\/security-control-disabled\/security-control-disabled\.md$/);
      assert.equal(d.severity, 1);
    } finally {
      await c.stop();
    }
  });

  it('answers pull requests when the client supports them', async () => {
    const c = new LspClient();
    try {
      const { result } = await c.initialize(ws.dir, { pull: true });
      assert.ok(result.capabilities.diagnosticProvider);
      const bot = `${ws.dir}/src/bot.js`;
      c.open(bot);
      const items = await c.pull(bot);
      assert.ok(items.some((d) => d.code === 'security-control-disabled'));
      assert.deepEqual(c.pushed.get(uri(bot))?.diagnostics ?? [], [], 'an open document\'s findings come by pull: a push from the first check is cleared');
      // asked again with the result id it has: unchanged; after an edit: a full, new result
      type Report = { kind: string; resultId?: string; items?: unknown[] };
      const ask = (previousResultId?: string) => c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri(bot) }, previousResultId }) as Promise<Report>;
      const full = await ask();
      assert.equal(full.kind, 'full');
      assert.deepEqual(await ask(full.resultId), { kind: 'unchanged', resultId: full.resultId });
      c.change(bot, 2, readFileSync(bot, 'utf8') + '\n');
      const after = await ask(full.resultId);
      assert.equal(after.kind, 'full');
      assert.notEqual(after.resultId, full.resultId);
    } finally {
      await c.stop();
    }
  });

  it('a suppression with a reason silences; one without is reported', async () => {
    const c = new LspClient();
    try {
      await c.initialize(ws.dir);
      const file = `${ws.dir}/src/suppressed.js`;
      c.open(file);
      const diags = await c.pushedFor(file, (d) => d.some((x) => x.code === 'invalid-suppression'));
      const lines = diags.map((d) => `${d.range.start.line}:${d.code}`).sort();
      assert.deepEqual(lines, ['7:invalid-suppression', '8:security-control-disabled']);
      assert.match(diags.find((d) => d.code === 'invalid-suppression')!.message, /needs a reason/);
    } finally {
      await c.stop();
    }
  });

  it('re-checks on change, versioned', async () => {
    const c = new LspClient();
    try {
      await c.initialize(ws.dir);
      const bot = `${ws.dir}/src/bot.js`;
      c.open(bot);
      await c.pushedFor(bot, (d) => d.some((x) => x.code === 'security-control-disabled'), 1);
      const { readFileSync } = await import('node:fs');
      c.change(bot, 2, readFileSync(bot, 'utf8').replace('rejectUnauthorized: false', 'rejectUnauthorized: true'));
      const after = await c.pushedFor(bot, (d) => !d.some((x) => x.code === 'security-control-disabled'), 2);
      assert.ok(after.every((d) => d.code !== 'security-control-disabled'));
    } finally {
      await c.stop();
    }
  });

  it('while typing, the edited file is re-checked at once and manifest-dependent findings are held until typing pauses', async () => {
    const c = new LspClient();
    try {
      await c.initialize(ws.dir, { pull: true });
      const bot = `${ws.dir}/src/bot.js`;
      const text = readFileSync(bot, 'utf8');
      c.open(bot);
      const lineOf = (items: Diagnostic[], code: string) => items.find((d) => d.code === code)?.range.start.line;
      const first = await c.pull(bot);
      assert.equal(lineOf(first, 'scope-missing'), 15);
      assert.equal(lineOf(first, 'security-control-disabled'), 11);

      // two lines typed above: the code rule's finding is fresh, the manifest-dependent one held and moved
      const typedText = '// first\n// second\n' + text;
      c.change(bot, 2, typedText);
      const typed = await c.pull(bot);
      assert.equal(lineOf(typed, 'security-control-disabled'), 13);
      assert.equal(lineOf(typed, 'scope-missing'), 17, 'held while typing, at its new line');

      // the say() call removed: its scope finding stays until the full run, which then asks for a refresh
      const refreshes = () => c.notifications.filter((n) => n.method === 'workspace/diagnostic/refresh').length;
      const before = refreshes();
      const without = typedText.replace(/\n    await conversation\.say\([^\n]*\n/, '\n');
      assert.notEqual(without, typedText);
      c.change(bot, 3, without);
      assert.equal(lineOf(await c.pull(bot), 'scope-missing'), 17, 'no flicker: still there right after the edit');
      await c.until(() => (refreshes() > before ? true : undefined), 'a diagnostics refresh after the full run');
      const settled = await c.pull(bot);
      assert.equal(lineOf(settled, 'scope-missing'), undefined, 'gone after the full run');
      assert.equal(lineOf(settled, 'security-control-disabled'), 13);
    } finally {
      await c.stop();
    }
  });

  it('with policyLens.run = onSave, a save re-checks the document', async () => {
    const c = new LspClient();
    c.settings = { enable: true, run: 'onSave' };
    try {
      await c.initialize(ws.dir);
      const bot = `${ws.dir}/src/bot.js`;
      c.open(bot);
      await c.pushedFor(bot, (d) => d.some((x) => x.code === 'security-control-disabled'));
      const { readFileSync } = await import('node:fs');
      const fixed = readFileSync(bot, 'utf8').replace('rejectUnauthorized: false', 'rejectUnauthorized: true');
      c.change(bot, 2, fixed);
      void c.conn.sendNotification('textDocument/didSave', { textDocument: { uri: uri(bot) } });
      const after = await c.pushedFor(bot, (d) => !d.some((x) => x.code === 'security-control-disabled'));
      assert.ok(after.every((d) => d.code !== 'security-control-disabled'));
    } finally {
      await c.stop();
    }
  });

  it('a document over 1 MiB is re-checked when saved, not while typing', async () => {
    const c = new LspClient();
    const big = `${ws.dir}/src/big.js`;
    const config = `${ws.dir}/.policylens.json`;
    // the default size limit skips such files; a project that raises it gets them checked on save
    writeFileSync(config, JSON.stringify({ maxFileBytes: 4 * 1024 * 1024 }));
    const filler = Array.from({ length: 40_000 }, (_, i) => `const reminder${i} = 'Your car is due for service';`).join('\n');
    writeFileSync(big, `const https = require('https');\n${filler}\n`);
    try {
      await c.initialize(ws.dir, { pull: true });
      c.open(big);
      assert.deepEqual((await c.pull(big)).map((d) => d.code), []);
      const typed = readFileSync(big, 'utf8') + "const agent = new https.Agent({ rejectUnauthorized: false });\n";
      assert.ok(typed.length > 1024 * 1024);
      c.change(big, 2, typed);
      assert.deepEqual((await c.pull(big)).map((d) => d.code), [], 'not re-checked while typing');
      // notifications and requests are handled in order: the pull after didSave sees the saved text
      void c.conn.sendNotification('textDocument/didSave', { textDocument: { uri: uri(big) } });
      assert.ok((await c.pull(big)).some((d) => d.code === 'security-control-disabled'), 're-checked on save');
    } finally {
      await c.stop();
      rmSync(big, { force: true });
      rmSync(config, { force: true });
    }
  });

  it('with policyLens.enable = false, nothing is reported', async () => {
    const c = new LspClient();
    c.settings = { enable: false, run: 'onType' };
    try {
      await c.initialize(ws.dir, { pull: true });
      const bot = `${ws.dir}/src/bot.js`;
      c.open(bot);
      assert.deepEqual(await c.pull(bot), []);
    } finally {
      await c.stop();
    }
  });
});

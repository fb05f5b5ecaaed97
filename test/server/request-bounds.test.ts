// No request waits forever: the reproduction of a pull left unanswered (one keystroke closed a template literal and
// turned a 37,500-term `'a' + 'a' + …` line into code; the server stayed busy for minutes) is answered with the
// findings, a cancelled pull gets a cancelled answer, and a rule over its time budget costs only its own findings.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { allRules } from '../../rules/index';
import { createCodeRule } from '../../rules/src/rule';
import { ts } from '../../rules/src/ts';
import { Project, type Overlay } from '../../server/lsp/project';
import { LspClient, REPO, uri } from './lsp-client';

/** Generous: the old server needed 37 s for this pull on an idle machine; now it takes about one. */
const HANG_GUARD_MS = 20_000;
const BAD = "const agent = new https.Agent({ rejectUnauthorized: false });\n";

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'policy-lens-bounds-')).replace(/\\/g, '/');
  dirs.push(d);
  return d;
}

describe('requests are answered within a bound', () => {
  it('diagnostic-request-unanswered: the pull after the keystroke that closes the template is answered, with the findings', async () => {
    // the workspace of the reproduction: the chipchat SDK's example bots, as installed
    const dir = tempDir();
    cpSync(join(REPO, 'node_modules', 'chipchat', 'examples'), dir, { recursive: true });
    const file = `${dir}/middleware.js`;
    const sum = Array.from({ length: 37_500 }, () => `'a'`).join(' + ');
    const opened = `const url = \`\${base}/v2/secret-endpoint};\nconst sum = ${sum};\nfetch('http://api.web1on1.chat/v2/contacts?access_token=' + token);\n`;
    const c = new LspClient();
    try {
      await c.initialize(dir, { pull: true });
      c.open(file, 1, opened);
      assert.deepEqual(await c.pull(file), [], 'everything is inside the unterminated template');
      // the keystroke: "`;" at 0:39 closes the template, the rest of the file becomes code
      const at = opened.indexOf('};');
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version: 2 }, contentChanges: [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at } }, text: '`;' }] });
      const started = performance.now();
      const codes = (await c.pull(file)).map((d) => d.code);
      const ms = performance.now() - started;
      assert.ok(ms < HANG_GUARD_MS, `answered after ${Math.round(ms)} ms`);
      assert.ok(codes.includes('insecure-transport'), codes.join(', '));
    } finally {
      await c.stop();
    }
  });

  it('policyLens/checkWorkspace is answered whether it comes with params or without (the library then passes the token first)', async () => {
    const dir = tempDir();
    writeFileSync(`${dir}/package.json`, '{ "name": "x", "dependencies": { "chipchat": "^0.7.4" } }\n');
    writeFileSync(`${dir}/agent.js`, BAD);
    const c = new LspClient();
    try {
      await c.initialize(dir, { pull: true });
      for (const params of [undefined, {}]) {
        const r = (params === undefined ? await c.conn.sendRequest('policyLens/checkWorkspace') : await c.conn.sendRequest('policyLens/checkWorkspace', params)) as { files: number; errors: number };
        assert.equal(r.files, 1, JSON.stringify(r));
        assert.ok(r.errors >= 1, JSON.stringify(r));
      }
    } finally {
      await c.stop();
    }
  });

  it('$/cancelRequest for a pull waiting on a full run gets the RequestCancelled answer; the next pull is answered', async () => {
    // enough code that the first full run takes a while (fewer files than the server hands to a worker)
    const dir = tempDir();
    cpSync(join(REPO, 'test', 'e2e', 'workspace'), dir, { recursive: true });
    const bot = readFileSync(`${dir}/src/bot.js`, 'utf8');
    for (let i = 0; i < 120; i++) writeFileSync(`${dir}/src/copy${i}.js`, Array.from({ length: 15 }, (_, k) => `function part${k}() {\n${bot}\n}\n`).join(''));
    const file = `${dir}/src/extra.js`;
    writeFileSync(file, BAD);
    const c = new LspClient();
    let settingsAsked = 0;
    c.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
      settingsAsked++;
      return p.items.map(() => c.settings);
    });
    try {
      await c.initialize(dir, { pull: true });
      c.open(file);
      // once the document's settings are in, the pull goes straight to the full run
      await c.until(() => (settingsAsked > 0 ? true : undefined), 'the settings request');
      const source = new CancellationTokenSource();
      const pull = c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri(file) } }, source.token);
      // not a wait for the server: the cancel is placed inside the full run (seconds long) rather than in the
      // same read as the request, where it would be seen before the run begins
      await new Promise((resolve) => setTimeout(resolve, 300));
      source.cancel();
      const answer = await pull.then(
        () => 'answered in full',
        (e: unknown) => (e instanceof ResponseError ? e.code : String(e)),
      );
      assert.equal(answer, LSPErrorCodes.RequestCancelled);
      const codes = (await c.pull(file)).map((d) => d.code);
      assert.ok(codes.includes('security-control-disabled'), codes.join(', '));
    } finally {
      await c.stop();
    }
  });

  it('a rule over its time budget: the snapshot a pull is answered from has internal-error and every other finding', () => {
    const dir = tempDir();
    const file = `${dir}/src/a.js`;
    cpSync(join(REPO, 'test', 'e2e', 'workspace'), dir, { recursive: true });
    writeFileSync(file, BAD + Array.from({ length: 100 }, (_, i) => `const s${i} = 'v${i}';\n`).join(''));
    const slow = createCodeRule({
      meta: { id: 'slow-rule', target: 'code', description: 'slow', clauses: ['F.1'], severity: 'warning', fixable: false, messages: { m: 'slow' } },
      create: (context) => ({
        [ts.SyntaxKind.StringLiteral]: (node: ts.Node) => {
          const until = performance.now() + 2;
          while (performance.now() < until) {
            // computing far too long per literal
          }
          context.report({ messageId: 'm', start: node.getStart(context.sourceFile), end: node.getEnd() });
        },
      }),
    });
    const project = new Project(dir, [...allRules, slow]);
    project.engine.budget = { ...project.engine.budget, ruleMs: 50 };
    const overlays = new Map<string, Overlay>([[file, { text: readFileSync(file, 'utf8'), version: 1 }]]);
    const codes = (project.snapshot(overlays).byFile.get(file) ?? []).map((f) => f.ruleId);
    assert.ok(!codes.includes('slow-rule'), codes.join(', '));
    assert.ok(codes.includes('internal-error'), codes.join(', '));
    assert.ok(codes.includes('security-control-disabled'), codes.join(', '));
  });
});

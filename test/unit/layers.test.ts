// The layering of the repository, as a test: the engine knows nothing of editors, the server nothing of the
// extension, the language server nothing of the CLI, a rule nothing of another rule, and no runtime import circles.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importsOf, repositorySources, runtimeCircles, type ImportEdge } from '../support/import-graph';
import { REPO } from '../support/rule-folders';

const edges: ImportEdge[] = repositorySources(REPO).flatMap((f) => importsOf(REPO, f));
const EDITOR_PACKAGES = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|vscode-jsonrpc.*)$/;

function where(e: ImportEdge): string {
  return `${e.from}:${e.line} imports ${e.spec}`;
}

function violations(from: RegExp, forbidden: (e: ImportEdge) => boolean): string[] {
  return edges.filter((e) => from.test(e.from) && forbidden(e)).map(where);
}

describe('layers', () => {
  it('finds the imports it judges', () => {
    // the scanner itself: if it stopped resolving, every check below would pass on nothing
    assert.ok(edges.length > 500, `only ${edges.length} imports found`);
    assert.ok(edges.some((e) => e.from === 'rules/index.ts' && e.to === 'rules/code/hardcoded-credential/hardcoded-credential.ts' && !e.typeOnly));
    assert.ok(edges.some((e) => e.from === 'server/lsp/server.ts' && e.spec === 'vscode-languageserver'));
  });

  it('rules/ never imports the server, the client, or an editor package', () => {
    assert.deepEqual(violations(/^rules\//, (e) => /^(server|client)\//.test(e.to ?? '') || EDITOR_PACKAGES.test(e.spec)), []);
  });

  it('server/ never imports the client or vscode', () => {
    assert.deepEqual(violations(/^server\//, (e) => /^client\//.test(e.to ?? '') || e.spec === 'vscode'), []);
  });

  it('server/lsp never imports server/cli', () => {
    assert.deepEqual(violations(/^server\/lsp\//, (e) => /^server\/cli\//.test(e.to ?? '')), []);
  });

  it('the client imports nothing of the server but its protocol types', () => {
    assert.deepEqual(violations(/^client\//, (e) => /^server\//.test(e.to ?? '') && e.to !== 'server/lsp/protocol.ts'), []);
  });

  it('a rule folder imports only rules/src, rules/data, packages and its own files', () => {
    const bad = edges.filter((e) => {
      const folder = /^(rules\/(?:code|manifest)\/[^/]+\/)/.exec(e.from)?.[1];
      if (!folder || !e.to) return false;
      return !e.to.startsWith(folder) && !/^rules\/(src|data|policy|schema)\//.test(e.to);
    });
    assert.deepEqual(bad.map(where), []);
  });

  it('the webviews bundle only DOM code and pure data: their runtime imports reach no package and no node: module', () => {
    const reached = new Set(edges.filter((e) => e.from.startsWith('client/webview/')).map((e) => e.from));
    const bad: string[] = [];
    for (const file of reached) {
      for (const e of edges.filter((x) => x.from === file && !x.typeOnly)) {
        if (e.to) reached.add(e.to);
        else bad.push(where(e));
      }
    }
    // the form's fields come from the manifest's field table: it must stay bundled, and stay import-free
    assert.ok(reached.has('rules/src/manifest/spec.ts'), [...reached].join(', '));
    assert.deepEqual(bad, []);
  });

  it('has no runtime import circles', () => {
    assert.deepEqual(runtimeCircles(edges).map((c) => c.join(' → ')), []);
  });
});

// Scope and event names in web1on1-app.json for editors without the manifest's JSON schema (Neovim,
// Helix); VS Code says it has the schema and gets no server completion.
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { copyFixture, LspClient, uri } from './lsp-client';

const ws = copyFixture();
after(() => ws.cleanup());

const MANIFEST = '{\n  "name": "Tyre Bot",\n  "scopes": [\n    { "scope": "" }\n  ],\n  "webhook": { "events": [""] }\n}\n';

it('completes scope and event names for clients without the schema', async () => {
  const c = new LspClient();
  try {
    const { result } = await c.initialize(ws.dir);
    assert.ok(result.capabilities.completionProvider, 'completion is offered');
    const path = `${ws.dir}/web1on1-app.json`;
    c.open(path, 1, MANIFEST);
    const scopes = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: uri(path) }, position: { line: 3, character: 16 } })) as CompletionItem[];
    const read = scopes.find((i) => i.label === 'contacts:read');
    assert.ok(read, 'contacts:read is offered');
    assert.match(String(read.documentation), /read your contacts/);
    assert.equal(read.detail, 'personal data: consumer');
    const events = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: uri(path) }, position: { line: 5, character: 27 } })) as CompletionItem[];
    assert.ok(events.some((i) => i.label === 'contact.delete'));
    const none = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: uri(path) }, position: { line: 1, character: 12 } })) as CompletionItem[];
    assert.deepEqual(none, [], 'nothing for other fields');
  } finally {
    await c.stop();
  }
});

it('offers no completion to a client that has the JSON schema', async () => {
  const c = new LspClient();
  try {
    const { result } = await c.initialize(ws.dir, { initializationOptions: { manifestSchema: true } });
    assert.equal(result.capabilities.completionProvider, undefined);
  } finally {
    await c.stop();
  }
});

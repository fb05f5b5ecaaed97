// The client/server contract as a test: every Policy Lens method is a typed object in protocol.ts, the
// server registers each of them, and neither side sends or handles a method by a bare string (which the
// compiler cannot check against the other side).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import * as protocol from '../../server/lsp/protocol';
import { importsOf, repositorySources } from '../support/import-graph';
import { REPO } from '../support/rule-folders';

const messages = Object.entries(protocol as Record<string, unknown>).filter((e): e is [string, { method: string }] => [RequestType, RequestType0, NotificationType].some((t) => e[1] instanceof t));
const sources = (folder: RegExp) => repositorySources(REPO).filter((f) => folder.test(f)).map((f) => ({ file: f, text: readFileSync(join(REPO, f), 'utf8') }));
const server = sources(/^server\/lsp\/.*\.ts$/);
const client = sources(/^client\/src\/.*\.ts$/);

describe('protocol contract', () => {
  it('declares every Policy Lens method as a typed object, each method once', () => {
    const methods = messages.map(([, m]) => m.method);
    assert.ok(methods.length >= 10, `only ${methods.length} typed messages in protocol.ts`);
    assert.ok(methods.every((m) => m.startsWith('policyLens/')), methods.join(', '));
    assert.equal(new Set(methods).size, methods.length);
  });

  it('has the server handle every request by its object', () => {
    const text = server.map((s) => s.text).join('\n');
    const requests = messages.filter(([name]) => name.endsWith('Request')).map(([name]) => name);
    assert.deepEqual(requests.filter((name) => !new RegExp(`\\.onRequest\\(${name}\\b`).test(text)), []);
  });

  it('sends and handles Policy Lens messages only through the typed objects', () => {
    const bare = /\.(sendRequest|onRequest|sendNotification|onNotification)(<[^>]*>)?\(\s*(['"`]|[A-Z_]+_(REQUEST|NOTIFICATION)\b)|\.sendRequest</;
    const found = [...server, ...client].flatMap(({ file, text }) => text.split('\n').flatMap((line, i) => (bare.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
    assert.deepEqual(found, []);
  });

  it('loads nothing at run time but vscode-languageserver-protocol, which the client bundle has anyway', () => {
    const runtime = importsOf(REPO, 'server/lsp/protocol.ts').filter((e) => !e.typeOnly).map((e) => e.spec);
    assert.deepEqual(runtime, ['vscode-languageserver-protocol']);
  });
});

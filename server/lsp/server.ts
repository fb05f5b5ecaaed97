// The language server: wires the session, the document state, the publisher and the scheduler to the
// handlers. A thin adapter: the engine computes, the modules next to this file translate.
import { TextDocuments, type Connection } from 'vscode-languageserver';
import type * as Core from './core';
import { DocumentState } from './documents';
import { registerDiagnosticsPull } from './handlers/diagnostics';
import { registerEditorFeatures } from './handlers/editor';
import { registerLifecycle } from './handlers/lifecycle';
import type { ServerParts } from './handlers/parts';
import { registerRequests } from './handlers/requests';
import { registerDocumentSync } from './handlers/sync';
import { checkedConnection } from './params';
import { Publisher } from './publisher';
import { Scheduler } from './scheduler';
import { Session } from './session';
import { openDocuments } from './text-document';

export function startServer(client: Connection, loadCore: () => typeof Core): void {
  const documents = new TextDocuments(openDocuments);
  const connection = checkedConnection(client, (uri) => documents.get(uri));
  const session = new Session(connection, documents, loadCore, {
    started: () => publisher.sendStatus(),
    indexed: (project) => {
      scheduler.runAndPublishSafely(project);
      publisher.sendStatus();
    },
  });
  const docs = new DocumentState(session);
  const publisher = new Publisher(session, docs);
  const scheduler = new Scheduler(session, docs, publisher);
  const parts: ServerParts = { session, docs, publisher, scheduler };

  registerLifecycle(parts);
  registerDocumentSync(parts);
  registerDiagnosticsPull(parts);
  registerEditorFeatures(parts);
  registerRequests(parts);

  documents.listen(connection);
  connection.listen();
}

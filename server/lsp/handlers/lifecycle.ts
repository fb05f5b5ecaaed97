// `initialize` and `initialized`: the capabilities the server offers, the first check of every folder,
// file watching and workspace folder changes.
import { DidChangeWatchedFilesNotification, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { CLAUSES } from '../../../rules/src/clauses';
import { FIX_ALL_KIND, SERVER_COMMANDS } from '../protocol';
import { uriToPath } from '../uri';
import type { ServerParts } from './parts';

const WATCHED = '**/{web1on1-app.json,.policylens.json,package.json,.env.example,.gitignore,*.js,*.jsx,*.ts,*.tsx,*.mjs,*.cjs,*.mts,*.cts}';

export function registerLifecycle({ session, scheduler }: ServerParts): void {
  const { connection } = session;

  connection.onInitialize((params): InitializeResult => {
    session.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        diagnosticProvider: session.pull() ? { identifier: 'policy-lens', interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        // editors without the manifest's JSON schema get scope and event names from the server
        completionProvider: session.init.manifestSchema ? undefined : { triggerCharacters: ['"'] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [SERVER_COMMANDS.showDocumentation] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'policy-lens', version: CLAUSES.policyVersion },
    };
  });

  connection.onInitialized(() => {
    const caps = session.caps;
    // warm the engine while the editor is still opening files, then check every folder: an app's findings
    // (a missing manifest, a hard-coded token in a closed file) show in Problems without opening anything
    setImmediate(() => {
      for (const p of session.workspace().all()) scheduler.schedule(p, 0);
    });
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] });
    }
    if (caps.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) {
          const p = uriToPath(f.uri);
          if (p) session.workspace().removeFolder(p);
        }
        for (const f of e.added) {
          const p = uriToPath(f.uri);
          if (p) session.workspace().addFolder(p);
        }
        scheduler.refreshAll();
      });
    }
    session.log(`Policy Lens server ready: policy ${CLAUSES.policyVersion}, ${session.pull() ? 'pull' : 'push'} diagnostics${session.init.trusted === false ? ', Restricted Mode (read only)' : ''}`);
  });
}

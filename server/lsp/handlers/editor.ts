// Editor features over the current findings: code actions, hovers, scope code lenses in the manifest,
// manifest completion and the server's own command.
import type { CodeLens } from 'vscode-languageserver';
import { CLIENT_COMMANDS, SERVER_COMMANDS } from '../protocol';
import { pathToUri } from '../uri';
import type { ServerParts } from './parts';

export function registerEditorFeatures({ session, docs, scheduler }: ServerParts): void {
  const { connection, documents } = session;

  connection.onCodeAction((params) => {
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    if (docs.isDisabled(uri)) return [];
    const s = scheduler.snapshotFor(uri);
    if (!s) return [];
    const edits = session.caps.workspace?.workspaceEdit;
    return session.engine().codeActions(params, {
      path: s.path,
      uri,
      version: doc?.version ?? null,
      snapshot: s.snap,
      openVersion: (p) => documents.get(pathToUri(p))?.version ?? null,
      docsBase: s.snap.configFor(s.path).docsBaseUrl,
      clientCommands: session.clientCommands,
      documentChanges: !!edits?.documentChanges,
      createFiles: !!edits?.resourceOperations?.includes('create'),
      guard: session.guard,
    });
  });

  connection.onCompletion((params) => {
    if (!params.textDocument.uri.endsWith('/web1on1-app.json')) return [];
    const doc = documents.get(params.textDocument.uri);
    return doc ? session.engine().manifestCompletions(doc.getText(), params.position) : [];
  });

  connection.onHover((params) => {
    if (docs.isDisabled(params.textDocument.uri)) return null;
    const s = scheduler.snapshotFor(params.textDocument.uri);
    return s ? session.engine().hover(s.path, params.position, s.snap, s.snap.configFor(s.path).docsBaseUrl) : null;
  });

  connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    const uri = params.textDocument.uri;
    await session.indexed(uri);
    const s = scheduler.snapshotFor(uri, true);
    if (!s || docs.isDisabled(uri)) return [];
    return session.engine().scopeEntries(s.path, s.snap).map((e) => {
      const title = e.uses.length ? `${e.uses.length} call site${e.uses.length === 1 ? '' : 's'} need${e.uses.length === 1 ? 's' : ''} ${e.scope}` : `unused: no call needs ${e.scope}`;
      const locations = e.uses.map((u) => ({ uri: pathToUri(u.file), range: u.range }));
      const command = e.uses.length && session.clientCommands.has(CLIENT_COMMANDS.showReferences) ? CLIENT_COMMANDS.showReferences : '';
      return { range: e.range, command: { title, command, arguments: command ? [uri, e.range.start, locations] : undefined } };
    });
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SERVER_COMMANDS.showDocumentation) return;
    const [id, href] = (params.arguments ?? []) as [string, string | undefined];
    if (href && session.caps.window?.showDocument?.support) await connection.window.showDocument({ uri: href, external: true });
    else void connection.window.showInformationMessage(`Policy Lens rule ${id}: ${href ?? session.engine().ruleInfo(id, '')?.description ?? ''}`);
  });
}

// Editor features over the current findings: code actions, hovers, scope code lenses in the manifest,
// manifest completion and the server's own command.
import type { CodeLens } from 'vscode-languageserver';
import type { Range } from '../../../rules/src/types';
import { CLIENT_COMMANDS, SERVER_COMMANDS } from '../protocol';
import type { LostPlace, ScopeEntry } from '../scopes';
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
    const scopes = session.engine().appScopes(s.path, s.snap);
    return (scopes?.entries ?? []).map((e) => {
      const { title, places } = scopeLens(e, scopes!.lost);
      const locations = places.map((u) => ({ uri: pathToUri(u.file), range: u.range }));
      const command = locations.length && session.clientCommands.has(CLIENT_COMMANDS.showReferences) ? CLIENT_COMMANDS.showReferences : '';
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

/** A code lens's words for a declared scope, and the places "Show Call Sites" peeks at. */
function scopeLens(e: ScopeEntry, lost: readonly LostPlace[]): { title: string; places: readonly { file: string; range: Range }[] } {
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  if (e.uses.length) return { title: `${n(e.uses.length, 'call site')} need${e.uses.length === 1 ? 's' : ''} ${e.scope}`, places: e.uses };
  if (e.state === 'used') {
    if (e.usedBy.length) return { title: `${n(e.usedBy.length, 'call site')} need${e.usedBy.length === 1 ? 's' : ''} what ${e.scope} grants`, places: e.usedBy };
    return { title: e.events.length ? `webhook events need ${e.scope}` : `a wildcard event subscription may need ${e.scope}`, places: [] };
  }
  if (e.state === 'cannot-tell') return { title: `cannot tell whether ${e.scope} is used: the analysis lost the SDK instance (${n(lost.length, 'place')})`, places: lost };
  return { title: `unused: no call needs ${e.scope}`, places: [] };
}

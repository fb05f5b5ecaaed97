// textDocument/diagnostic: a pull client's findings for one document, answered from what is known now.
import { uriToPath } from '../uri';
import { requestCancelled } from '../scheduler';
import { heldSnapshot } from '../snapshot';
import type { ServerParts } from './parts';

export function registerDiagnosticsPull({ session, docs, publisher, scheduler }: ServerParts): void {
  session.connection.languages.diagnostics.on(async (params, token) => {
    const uri = params.textDocument.uri;
    await docs.settingsReady(uri);
    // only the client's $/cancelRequest cancels the token
    if (token.isCancellationRequested) throw requestCancelled();
    const doc = session.documents.get(uri);
    const path = uriToPath(uri);
    if (!path) return { kind: 'full', items: [] };
    // answered from what is known now (the quick path re-checks the edited file); only a folder never run
    // waits for a full run, which hands the thread back between files and stops when the pull is cancelled
    const project = session.workspace().projectFor(path);
    const now = project.snapshotNow(docs.engineTexts);
    const ran = now ?? (await scheduler.cancellable(project.settleAsync(docs.engineTexts, token), token));
    // the document may have changed while the run went on: its findings are moved to the text it has now
    const snap = scheduler.track(project, heldSnapshot(ran, docs.engineTexts));
    if (token.isCancellationRequested) throw requestCancelled();
    // a snapshot's findings never change: its id identifies the result (no hashing on the keystroke path)
    const id = `${snap.id}${docs.isDisabled(uri) ? '-off' : ''}`;
    if (params.previousResultId === id && publisher.pulledId(uri) === id) return { kind: 'unchanged', resultId: id };
    const items = publisher.diagnosticsFor(uri, snap, doc?.version ?? null);
    // the pushed findings of the file (from before it was open) give way to the pulled ones
    publisher.pulledNow(uri, id, items);
    return { kind: 'full', resultId: id, items };
  });
}

// The editor's side of the documents: opened, edited, saved and closed buffers, files changed on disk and
// changed settings, each turned into the checks it calls for.
import { SETTLE_DELAY_MS } from '../scheduler';
import type { OpenDocument } from '../text-document';
import { uriToPath } from '../uri';
import type { Project } from '../project';
import type { ServerParts } from './parts';

export function registerDocumentSync({ session, docs, publisher, scheduler }: ServerParts): void {
  const { connection, documents } = session;

  documents.onDidOpen(({ document: doc }) => {
    const path = uriToPath(doc.uri);
    if (!path) return session.log(`${doc.uri} is not checked: Policy Lens checks files (file: URIs) only`);
    docs.takeText(path, doc);
    for (const p of session.projectsOf(path)) {
      p.changed(path, doc.getText());
      scheduler.touch(p, path);
    }
    void docs.applySettings(doc.uri).then(() => scheduler.schedule(session.workspace().projectFor(path), session.pull() ? SETTLE_DELAY_MS : 0));
  });

  documents.onDidChangeContent(({ document: doc }) => {
    const path = uriToPath(doc.uri);
    if (!path || docs.checksOnSave(doc)) return;
    textChanged(path, doc);
  });

  documents.onDidSave(({ document: doc }) => {
    const path = uriToPath(doc.uri);
    if (path && docs.checksOnSave(doc)) textChanged(path, doc);
  });

  documents.onDidClose(({ document: doc }) => {
    const path = uriToPath(doc.uri);
    docs.closed(doc.uri, path);
    publisher.closed(doc.uri);
    if (!path) return;
    for (const p of session.workspace().containing(path)) p.changed(path, undefined);
    const project = session.workspace().projectFor(path);
    project.changed(path, undefined);
    scheduler.schedule(project, 0);
  });

  function textChanged(path: string, doc: OpenDocument): void {
    docs.takeText(path, doc);
    for (const p of session.projectsOf(path)) {
      p.changed(path, doc.getText());
      scheduler.touch(p, path);
      // the edited file's own findings come at once (its pull, or a quick push); the rest once typing pauses
      if (!session.pull()) scheduler.scheduleQuickPush(p, doc.uri);
      scheduler.schedule(p, SETTLE_DELAY_MS);
    }
  }

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const projects = new Set<Project>();
    for (const c of changes) {
      const path = uriToPath(c.uri);
      if (!path || docs.engineTexts.has(path)) continue; // an open document's buffer is the truth
      for (const p of session.workspace().containing(path)) {
        p.changed(path, undefined);
        scheduler.touch(p, path);
        projects.add(p);
      }
    }
    for (const p of projects) scheduler.schedule(p, 0);
  });

  connection.onDidChangeConfiguration(() => {
    docs.reconfigure();
    scheduler.refreshAll();
  });
}

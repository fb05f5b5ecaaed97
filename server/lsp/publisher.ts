// Getting findings to the client: diagnostics pushed (closed files, push clients) or pulled (open documents
// of pull clients), what was last sent of each, and the status notification with the Problems panel's counts.
import type { Diagnostic, Range } from 'vscode-languageserver';
import { createHash } from 'node:crypto';
import type { LineIndex } from '../../rules/src/positions';
import type { Finding } from '../../rules/src/types';
import type { DocumentState } from './documents';
import type { Project, Snapshot } from './project';
import { StatusNotification, type StatusParams } from './protocol';
import type { Session } from './session';
import { pathToUri, uriToPath } from './uri';

export interface Counts { errors: number; warnings: number; infos: number }

export function countOf(lists: Iterable<Finding[]>): Counts {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const list of lists) for (const f of list) c[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  return c;
}

export class Publisher {
  /** Push bookkeeping: URIs we published non-empty diagnostics for. */
  private readonly pushed = new Set<string>();
  /** Pull bookkeeping: what was last returned per URI (its result id is the snapshot's). */
  private readonly pulled = new Map<string, { id: string; items: Diagnostic[] }>();
  /** What was last pushed for each closed file, so a settled run re-sends only what changed: the findings
   *  (the engine reuses a file's Finding objects while the file is unchanged) and a digest of the diagnostics. */
  private readonly closedSent = new Map<string, { findings: readonly Finding[]; docsBase: string; digest: string }>();

  constructor(
    private readonly session: Session,
    private readonly docs: DocumentState,
  ) {}

  diagnosticsFor(uri: string, snap: Snapshot, version: number | null): Diagnostic[] {
    const path = uriToPath(uri);
    if (!path || this.docs.isDisabled(uri)) return [];
    const findings = snap.byFile.get(path) ?? [];
    if (!findings.length) return [];
    const base = snap.configFor(path).docsBaseUrl;
    const v = snap.versions.get(path) ?? version;
    const fit = this.fitIn(snap);
    return findings.map((f) => this.session.engine().toDiagnostic(f, base, v ?? null, fit));
  }

  /**
   * Ranges of the snapshot's files, fitted into the texts they were computed on. Each file's line table is
   * looked up once: per range, that look-up (a URI per path, a text comparison) was most of a pull's time
   * in a file with a thousand findings.
   */
  private fitIn(snap: Snapshot) {
    const linesOf = new Map<string, LineIndex | undefined>();
    return (file: string, range: Range, what: string): Range => {
      let lines = linesOf.get(file);
      if (lines === undefined && !linesOf.has(file)) {
        const text = snap.files.get(file);
        lines = text === undefined ? undefined : this.session.guard.linesOf(file, text);
        linesOf.set(file, lines);
      }
      return lines === undefined ? range : this.session.guard.rangeIn(file, lines, range, what);
    };
  }

  publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    this.closedSent.delete(uri);
    if (!diagnostics.length && !this.pushed.has(uri)) return;
    void this.session.connection.sendDiagnostics({ uri, diagnostics, version });
    if (diagnostics.length) this.pushed.add(uri);
    else this.pushed.delete(uri);
  }

  clearPush(uri: string): void {
    this.publish(uri, []);
  }

  /** The result id the client last pulled for `uri`, if any. */
  pulledId(uri: string): string | undefined {
    return this.pulled.get(uri)?.id;
  }

  /** A pull was answered: its findings replace what was pushed for the file before it was open. */
  pulledNow(uri: string, id: string, items: Diagnostic[]): void {
    this.pulled.set(uri, { id, items });
    if (this.pushed.has(uri)) this.clearPush(uri);
  }

  /** A closed document: nothing pulled for it any more; a push client's diagnostics of it are cleared. */
  closed(uri: string): void {
    this.pulled.delete(uri);
    if (!this.session.pull()) this.clearPush(uri);
  }

  /** A full run's findings to the client: open documents (pushed, or a refresh asked for) and closed files. */
  publishRun(project: Project, snap: Snapshot): void {
    const { connection, documents } = this.session;
    if (this.session.pull()) {
      // the edited document was answered by its own pull; refresh if another open one changed
      const changed = documents.all().some((d) => {
        const path = uriToPath(d.uri);
        const last = this.pulled.get(d.uri);
        return path && project.contains(path) && last && JSON.stringify(last.items) !== JSON.stringify(this.diagnosticsFor(d.uri, snap, d.version));
      });
      if (changed && this.session.caps.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      for (const d of documents.all()) {
        const path = uriToPath(d.uri);
        if (path && project.contains(path) && this.ranOnEngineText(snap, path)) this.publish(d.uri, this.diagnosticsFor(d.uri, snap, d.version), d.version);
      }
    }
    // a partial run (the folder is being indexed) has no findings for closed files yet: keep what is shown
    if (this.session.workspace().isFolder(project) && !snap.partial) this.publishClosedFiles(project, snap);
  }

  /**
   * Whether a run saw the text the engine now holds for an open document. A run that started before the document
   * was opened read the file from disk: its ranges are offsets in that text, and published for the open version
   * they would land in the wrong places (the run the opening started publishes instead).
   */
  private ranOnEngineText(snap: Snapshot, path: string): boolean {
    const held = this.docs.engineTexts.get(path);
    const seen = snap.files.get(path);
    return !held || seen === undefined || seen === held.text;
  }

  /**
   * The files whose findings the client gets some other way: in pull mode those it pulled (a document another
   * extension opened in the background is never pulled: it stays pushed), in push mode the open documents.
   */
  private answeredElsewhere(): (uri: string) => boolean {
    if (this.session.pull()) return (uri) => this.pulled.has(uri);
    const open = new Set(this.session.documents.all().map((d) => d.uri));
    return (uri) => open.has(uri);
  }

  private publishClosedFiles(project: Project, snap: Snapshot): void {
    const elsewhere = this.answeredElsewhere();
    const now = new Set<string>();
    for (const file of snap.byFile.keys()) {
      const uri = pathToUri(file);
      if (elsewhere(uri)) continue;
      now.add(uri);
      // a settled run after each typing pause: files whose findings did not change are not sent again
      const findings = snap.byFile.get(file)!;
      const last = this.closedSent.get(uri);
      const docsBase = snap.configFor(file).docsBaseUrl;
      if (last && last.docsBase === docsBase && last.findings.length === findings.length && last.findings.every((f, i) => f === findings[i])) continue;
      const diagnostics = this.diagnosticsFor(uri, snap, null);
      const digest = createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64');
      if (last?.digest !== digest) this.publish(uri, diagnostics);
      this.closedSent.set(uri, { findings, docsBase, digest });
    }
    for (const uri of [...this.pushed]) {
      const path = uriToPath(uri);
      if (path && project.contains(path) && !elsewhere(uri) && !now.has(uri)) this.clearPush(uri);
    }
  }

  sendStatus(): void {
    const ws = this.session.workspace();
    const s: StatusParams = { state: 'idle', ...this.shownCounts() };
    let last: Date | undefined;
    const errors: string[] = [];
    for (const p of ws.all()) {
      if (p.error) errors.push(p.error);
      const snap = p.last;
      if (snap && !snap.partial && (!last || snap.finishedAt > last)) last = snap.finishedAt;
    }
    if (ws.all().some((p) => p.isIndexing)) Object.assign(s, { state: 'checking', message: 'Indexing the workspace…' });
    if (errors.length) Object.assign(s, { state: 'error', message: errors.join('\n') });
    s.lastCheck = last?.toISOString();
    void this.session.connection.sendNotification(StatusNotification, s);
  }

  /**
   * The counts of what the Problems panel shows: the findings of open documents (any project) and of
   * closed files of workspace folders, each file once, none of a document with Policy Lens disabled.
   */
  shownCounts(): Counts & { files: number } {
    const ws = this.session.workspace();
    const open = new Set(this.session.documents.all().map((d) => d.uri));
    const shown = new Map<string, Finding[]>();
    let files = 0;
    for (const p of ws.all()) {
      const snap = p.last;
      if (!snap || snap.partial) continue;
      files += snap.result.stats.codeFiles;
      const closedToo = ws.isFolder(p);
      for (const [file, list] of snap.byFile) {
        const uri = pathToUri(file);
        if (this.docs.isDisabled(uri) || (!closedToo && !open.has(uri))) continue;
        shown.set(uri, list);
      }
    }
    return { ...countOf(shown.values()), files };
  }
}

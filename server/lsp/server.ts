// The language server: capabilities, document life cycle and request handlers. A thin adapter: the
// engine computes, the modules next to this file translate (diagnostics, code actions, hovers, lenses).
import {
  CancellationToken,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type CodeLens,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type Range,
} from 'vscode-languageserver';
import { createHash } from 'node:crypto';
import { CLAUSES } from '../../rules/src/clauses';
import type * as Core from './core';
import type { Overlay, Project, Snapshot } from './project';
import {
  CheckWorkspaceRequest,
  CLIENT_COMMANDS,
  ExportReportRequest,
  FIX_ALL_KIND,
  InitialManifestRequest,
  ListingRequest,
  ManifestStateRequest,
  MemoryRequest,
  ReportRequest,
  RuleInfoRequest,
  RuleListRequest,
  SERVER_COMMANDS,
  StatusNotification,
  type CheckWorkspaceResult,
  type ExportReportParams,
  type ExportReportResult,
  type InitialManifestParams,
  type InitialManifestResult,
  type InitOptions,
  type ListingParams,
  type ListingResult,
  type ManifestStateParams,
  type ManifestStateResult,
  type MemoryResult,
  type ReportParams,
  type ReportResult,
  type RuleInfoParams,
  type RuleSummary,
  type StatusParams,
} from './protocol';
import { checkedConnection } from './params';
import { RangeGuard } from './range-guard';
import { Settings } from './settings';
import { openDocuments, type OpenDocument } from './text-document';
import { pathToUri, uriToPath } from './uri';
import type { Workspace } from './workspace';
import type { Finding } from '../../rules/src/types';

/** Push mode waits this long after the last keystroke; pull mode answers at once (the client paces). */
const PUSH_DELAY_MS = 150;
/** Findings of other open files (manifest scopes …) follow an edit only once typing pauses: no flicker. */
const SETTLE_DELAY_MS = 400;
/** Documents bigger than this are checked when opened and saved, not on every keystroke (PERF.md). */
const LARGE_DOCUMENT_CHARS = 1024 * 1024;
/** From this many code files a folder is indexed in a worker thread (starting one costs about half a second). */
const INDEX_IN_WORKER_FROM = 150;
const WATCHED = '**/{web1on1-app.json,.policylens.json,package.json,.env.example,.gitignore,*.js,*.jsx,*.ts,*.tsx,*.mjs,*.cjs,*.mts,*.cts}';

export function startServer(client: Connection, loadCore: () => typeof Core): void {
  const documents = new TextDocuments(openDocuments);
  const connection = checkedConnection(client, (uri) => documents.get(uri));
  let core: typeof Core | undefined;
  let ws: Workspace | undefined;
  const folders: string[] = [];
  const engine = (): typeof Core => (core ??= loadCore());
  const workspace = (): Workspace => {
    if (!ws) {
      ws = new (engine().Workspace)(engine().allRules, undefined, {
        minFiles: INDEX_IN_WORKER_FROM,
        start: (request, codeFiles) => {
          const script = engine().indexWorkerScript();
          if (!script) return undefined;
          const progress = connection.window.createWorkDoneProgress().then((p) => {
            p.begin('Policy Lens', 0, `Indexing ${codeFiles} files…`, false);
            return p;
          });
          const indexing = engine().indexInWorker(script, request, (done, total) => void progress.then((p) => p.report(Math.floor((done / total) * 100), `Indexing: ${done} of ${total} files`)));
          void indexing.done.finally(() => progress.then((p) => p.done())).catch(() => undefined);
          log(`Indexing ${codeFiles} files of ${request.root} in a worker thread`);
          setImmediate(sendStatus); // once the project counts as indexing
          return indexing;
        },
        onIndexed: (project, error) => {
          if (error) connection.console.error(`Policy Lens: indexing in a worker failed (${error}); indexing in the server instead`);
          else log(`Indexed ${project.root}`);
          runAndPublish(project);
          sendStatus();
        },
      });
      for (const f of folders) ws.addFolder(f);
    }
    return ws;
  };
  let caps: ClientCapabilities = {};
  let init: InitOptions = {};
  let clientCommands = new Set<string>();
  const settings = new Settings(connection, () => !!caps.workspace?.configuration, () => init.settings ?? {});
  /** What the engine sees for each open document (in onSave mode: the text at open/save). */
  const engineTexts = new Map<string, Overlay>();
  const runModes = new Map<string, 'onType' | 'onSave'>();
  const disabled = new Set<string>();
  /** Push bookkeeping: URIs we published non-empty diagnostics for. */
  const pushed = new Set<string>();
  /** Pull bookkeeping: what was last returned per URI (its result id is the snapshot's). */
  const pulled = new Map<string, { id: string; items: Diagnostic[] }>();
  /** What was last pushed for each closed file, so a settled run re-sends only what changed: the findings
   *  (the engine reuses a file's Finding objects while the file is unchanged) and a digest of the diagnostics. */
  const closedSent = new Map<string, { findings: readonly Finding[]; docsBase: string; digest: string }>();
  /** Files changed since each project's last full run: the output channel says what a check was for. */
  const touched = new Map<Project, Set<string>>();
  const timers = new Map<Project, NodeJS.Timeout>();

  const pull = () => !!caps.textDocument?.diagnostic;
  const log = (m: string) => connection.console.log(m);
  const guard = new RangeGuard((m) => connection.console.error(m), (path) => documents.get(pathToUri(path))?.lines);
  /** Ranges of the snapshot's files, fitted into the texts they were computed on. */
  const fitIn = (snap: Snapshot) => (file: string, range: Range, what: string): Range => {
    const text = snap.files.get(file);
    return text === undefined ? range : guard.range(file, text, range, what);
  };
  const touch = (p: Project, path: string) => {
    const set = touched.get(p) ?? new Set<string>();
    touched.set(p, set.add(path));
  };

  connection.onInitialize((params): InitializeResult => {
    caps = params.capabilities;
    init = (params.initializationOptions ?? {}) as InitOptions;
    clientCommands = new Set(init.clientCommands ?? []);
    for (const f of params.workspaceFolders ?? []) {
      const p = uriToPath(f.uri);
      if (p) folders.push(p);
    }
    if (!params.workspaceFolders?.length && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) folders.push(p);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        diagnosticProvider: pull() ? { identifier: 'policy-lens', interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        // editors without the manifest's JSON schema get scope and event names from the server
        completionProvider: init.manifestSchema ? undefined : { triggerCharacters: ['"'] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [SERVER_COMMANDS.showDocumentation] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'policy-lens', version: CLAUSES.policyVersion },
    };
  });

  connection.onInitialized(() => {
    // warm the engine while the editor is still opening files, then check every folder: an app's findings
    // (a missing manifest, a hard-coded token in a closed file) show in Problems without opening anything
    setImmediate(() => {
      for (const p of workspace().all()) schedule(p, 0);
    });
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] });
    }
    if (caps.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) {
          const p = uriToPath(f.uri);
          if (p) workspace().removeFolder(p);
        }
        for (const f of e.added) {
          const p = uriToPath(f.uri);
          if (p) workspace().addFolder(p);
        }
        refreshAll();
      });
    }
    log(`Policy Lens server ready: policy ${CLAUSES.policyVersion}, ${pull() ? 'pull' : 'push'} diagnostics${init.trusted === false ? ', Restricted Mode (read only)' : ''}`);
  });

  // ---- documents -------------------------------------------------------------------------------------
  const overlays = (): Map<string, Overlay> => engineTexts;

  documents.onDidOpen(({ document: doc }) => {
    const path = uriToPath(doc.uri);
    if (!path) return log(`${doc.uri} is not checked: Policy Lens checks files (file: URIs) only`);
    engineTexts.set(path, { text: doc.getText(), version: doc.version });
    for (const p of projectsOf(path)) {
      p.changed(path, doc.getText());
      touch(p, path);
    }
    void settings.for(doc.uri).then((s) => {
      runModes.set(doc.uri, s.run);
      if (s.enable) disabled.delete(doc.uri);
      else disabled.add(doc.uri);
      schedule(workspace().projectFor(path), pull() ? SETTLE_DELAY_MS : 0);
    });
  });

  const largeNoted = new Set<string>();
  /** onSave by setting, or because the document is too big to re-check per keystroke. */
  function checksOnSave(doc: OpenDocument): boolean {
    if (runModes.get(doc.uri) === 'onSave') return true;
    if (doc.getText().length <= LARGE_DOCUMENT_CHARS) return false;
    if (!largeNoted.has(doc.uri)) {
      largeNoted.add(doc.uri);
      log(`${doc.uri} is over 1 MiB: it is checked when saved, not while typing`);
    }
    return true;
  }

  documents.onDidChangeContent(({ document: doc }) => {
    const path = uriToPath(doc.uri);
    if (!path || checksOnSave(doc)) return;
    textChanged(path, doc);
  });

  documents.onDidSave(({ document: doc }) => {
    const path = uriToPath(doc.uri);
    if (path && checksOnSave(doc)) textChanged(path, doc);
  });

  documents.onDidClose(({ document: doc }) => {
    const path = uriToPath(doc.uri);
    engineTexts.delete(path ?? '');
    runModes.delete(doc.uri);
    pulled.delete(doc.uri);
    if (!path) return;
    for (const p of workspace().containing(path)) p.changed(path, undefined);
    if (!pull()) clearPush(doc.uri);
    const project = workspace().projectFor(path);
    project.changed(path, undefined);
    schedule(project, 0);
  });

  /** The project that checks `path` plus any other (nested folder) that contains it. */
  function projectsOf(path: string): Set<Project> {
    return new Set([workspace().projectFor(path), ...workspace().containing(path)]);
  }

  function textChanged(path: string, doc: OpenDocument): void {
    engineTexts.set(path, { text: doc.getText(), version: doc.version });
    for (const p of projectsOf(path)) {
      p.changed(path, doc.getText());
      touch(p, path);
      // the edited file's own findings come at once (its pull, or a quick push); the rest once typing pauses
      if (!pull()) scheduleQuickPush(p, doc.uri);
      schedule(p, SETTLE_DELAY_MS);
    }
  }

  const quickTimers = new Map<Project, NodeJS.Timeout>();
  /** Push clients: the edited document's quick findings, a moment after the keystroke. */
  function scheduleQuickPush(project: Project, uri: string): void {
    clearTimeout(quickTimers.get(project));
    quickTimers.set(project, setTimeout(() => {
      quickTimers.delete(project);
      const doc = documents.get(uri);
      if (doc) safely(project, () => publish(uri, diagnosticsFor(uri, run(project), doc.version), doc.version));
    }, PUSH_DELAY_MS));
  }

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const projects = new Set<Project>();
    for (const c of changes) {
      const path = uriToPath(c.uri);
      if (!path || engineTexts.has(path)) continue; // an open document's buffer is the truth
      for (const p of workspace().containing(path)) {
        p.changed(path, undefined);
        touch(p, path);
        projects.add(p);
      }
    }
    for (const p of projects) schedule(p, 0);
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    for (const doc of documents.all()) {
      void settings.for(doc.uri).then((s) => {
        runModes.set(doc.uri, s.run);
        if (s.enable) disabled.delete(doc.uri);
        else disabled.add(doc.uri);
      });
    }
    refreshAll();
  });

  // ---- running and publishing ------------------------------------------------------------------------
  function schedule(project: Project, delay: number): void {
    clearTimeout(timers.get(project));
    timers.set(project, setTimeout(() => {
      timers.delete(project);
      runAndPublish(project).catch((e: Error) => {
        // a run stopped by a reload is followed by the reload's own; any other failure must not take the server down
        if (!(e instanceof engine().RunCancelled)) connection.console.error(`Policy Lens: checking ${project.root} failed: ${e.stack ?? e.message}`);
      });
    }, delay));
  }

  /** A failed run must not take the server down: it is logged and the next edit tries again. */
  function safely(project: Project, run: () => void): void {
    try {
      run();
    } catch (e) {
      connection.console.error(`Policy Lens: checking ${project.root} failed: ${(e as Error).stack ?? String(e)}`);
    }
  }

  function refreshAll(): void {
    for (const p of workspace().all()) {
      p.reload();
      schedule(p, 0);
    }
  }

  /** The snapshot each project last reported in the status. */
  const statusOf = new WeakMap<Project, Snapshot>();

  /** The project's current findings: quick (only edited files re-checked) when that is all that changed. */
  function run(project: Project): Snapshot {
    return track(project, project.snapshot(overlays()));
  }

  /** A full run: everything up to date, manifest-dependent findings included. */
  function settled(project: Project): Snapshot {
    return track(project, project.settle(overlays()));
  }

  function track(project: Project, snap: Snapshot): Snapshot {
    const before = statusOf.get(project);
    statusOf.set(project, snap);
    // the status counts follow full runs: a keystroke does not redraw the status bar
    if (snap !== before && snap.settled) {
      if (project.error) connection.console.error(`Policy Lens: ${project.error}`);
      for (const n of project.newNotices()) log(`${n.file}: ${n.message}`);
      if (!project.error && !snap.partial) logCheck(project, snap);
      sendStatus();
    }
    return snap;
  }

  /** The full run behind the edits: it hands the thread back between files, so requests are answered meanwhile. */
  async function runAndPublish(project: Project): Promise<void> {
    clearTimeout(quickTimers.get(project));
    const snap = track(project, await project.settleAsync(overlays()));
    if (pull()) {
      // the edited document was answered by its own pull; refresh if another open one changed
      const changed = documents.all().some((d) => {
        const path = uriToPath(d.uri);
        const last = pulled.get(d.uri);
        return path && project.contains(path) && last && JSON.stringify(last.items) !== JSON.stringify(diagnosticsFor(d.uri, snap, d.version));
      });
      if (changed && caps.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      for (const d of documents.all()) {
        const path = uriToPath(d.uri);
        if (path && project.contains(path)) publish(d.uri, diagnosticsFor(d.uri, snap, d.version), d.version);
      }
    }
    // a partial run (the folder is being indexed) has no findings for closed files yet: keep what is shown
    if (workspace().isFolder(project) && !snap.partial) publishClosedFiles(project, snap);
  }

  /** One info line per full check: what it was for, how long it took, what it found. */
  function logCheck(project: Project, snap: Snapshot): void {
    const changed = [...(touched.get(project) ?? [])].map((f) => (project.contains(f) ? f.slice(project.root.length + 1) || f : f));
    touched.delete(project);
    const c = countOf(snap.byFile.values());
    const what = changed.length ? ` after changes to ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}` : '';
    const stats = snap.result.stats;
    connection.console.info(`Checked ${project.root}${what}: ${stats.codeFiles} code file(s) in ${Math.round(stats.durationMs)} ms; ${c.errors} error(s), ${c.warnings} warning(s), ${c.infos} info(s)`);
  }

  function diagnosticsFor(uri: string, snap: Snapshot, version: number | null): Diagnostic[] {
    const path = uriToPath(uri);
    if (!path || disabled.has(uri)) return [];
    const findings = snap.byFile.get(path) ?? [];
    if (!findings.length) return [];
    const base = snap.configFor(path).docsBaseUrl;
    const v = snap.versions.get(path) ?? version;
    const fit = fitIn(snap);
    return findings.map((f) => engine().toDiagnostic(f, base, v ?? null, fit));
  }

  function publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    closedSent.delete(uri);
    if (!diagnostics.length && !pushed.has(uri)) return;
    void connection.sendDiagnostics({ uri, diagnostics, version });
    if (diagnostics.length) pushed.add(uri);
    else pushed.delete(uri);
  }

  function clearPush(uri: string): void {
    publish(uri, []);
  }

  /**
   * The files whose findings the client gets some other way: in pull mode those it pulled (a document another
   * extension opened in the background is never pulled: it stays pushed), in push mode the open documents.
   */
  function answeredElsewhere(): (uri: string) => boolean {
    if (pull()) return (uri) => pulled.has(uri);
    const open = new Set(documents.all().map((d) => d.uri));
    return (uri) => open.has(uri);
  }

  function publishClosedFiles(project: Project, snap: Snapshot): void {
    const elsewhere = answeredElsewhere();
    const now = new Set<string>();
    for (const file of snap.byFile.keys()) {
      const uri = pathToUri(file);
      if (elsewhere(uri)) continue;
      now.add(uri);
      // a settled run after each typing pause: files whose findings did not change are not sent again
      const findings = snap.byFile.get(file)!;
      const last = closedSent.get(uri);
      const docsBase = snap.configFor(file).docsBaseUrl;
      if (last && last.docsBase === docsBase && last.findings.length === findings.length && last.findings.every((f, i) => f === findings[i])) continue;
      const diagnostics = diagnosticsFor(uri, snap, null);
      const digest = createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64');
      if (last?.digest !== digest) publish(uri, diagnostics);
      closedSent.set(uri, { findings, docsBase, digest });
    }
    for (const uri of [...pushed]) {
      const path = uriToPath(uri);
      if (path && project.contains(path) && !elsewhere(uri) && !now.has(uri)) clearPush(uri);
    }
  }

  function sendStatus(): void {
    const s: StatusParams = { state: 'idle', ...shownCounts() };
    let last: Date | undefined;
    const errors: string[] = [];
    for (const p of workspace().all()) {
      if (p.error) errors.push(p.error);
      const snap = p.last;
      if (snap && !snap.partial && (!last || snap.finishedAt > last)) last = snap.finishedAt;
    }
    if (workspace().all().some((p) => p.isIndexing)) Object.assign(s, { state: 'checking', message: 'Indexing the workspace…' });
    if (errors.length) Object.assign(s, { state: 'error', message: errors.join('\n') });
    s.lastCheck = last?.toISOString();
    void connection.sendNotification(StatusNotification, s);
  }

  /**
   * The counts of what the Problems panel shows: the findings of open documents (any project) and of
   * closed files of workspace folders, each file once, none of a document with Policy Lens disabled.
   */
  function shownCounts(): { errors: number; warnings: number; infos: number; files: number } {
    const open = new Set(documents.all().map((d) => d.uri));
    const shown = new Map<string, Finding[]>();
    let files = 0;
    for (const p of workspace().all()) {
      const snap = p.last;
      if (!snap || snap.partial) continue;
      files += snap.result.stats.codeFiles;
      const closedToo = workspace().isFolder(p);
      for (const [file, list] of snap.byFile) {
        const uri = pathToUri(file);
        if (disabled.has(uri) || (!closedToo && !open.has(uri))) continue;
        shown.set(uri, list);
      }
    }
    return { ...countOf(shown.values()), files };
  }

  function countOf(lists: Iterable<Finding[]>): { errors: number; warnings: number; infos: number } {
    const c = { errors: 0, warnings: 0, infos: 0 };
    for (const list of lists) for (const f of list) c[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
    return c;
  }

  // ---- requests ----------------------------------------------------------------------------------------
  /** `full`: callers that show manifest-dependent results (lenses, the manifest form) wait for a full run. */
  function snapshotFor(uri: string, full = false): { path: string; snap: Snapshot } | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const project = workspace().projectFor(path);
    return { path, snap: full ? settled(project) : run(project) };
  }

  connection.languages.diagnostics.on(async (params, token) => {
    const uri = params.textDocument.uri;
    await settings.for(uri);
    // only the client's $/cancelRequest cancels the token
    if (token.isCancellationRequested) throw requestCancelled();
    const doc = documents.get(uri);
    const path = uriToPath(uri);
    if (!path) return { kind: 'full', items: [] };
    // answered from what is known now (the quick path re-checks the edited file); only a folder never run
    // waits for a full run, which hands the thread back between files and stops when the pull is cancelled
    const project = workspace().projectFor(path);
    const now = project.snapshotNow(overlays());
    const s = { snap: track(project, now ?? (await cancellable(project.settleAsync(overlays(), token), token))) };
    if (token.isCancellationRequested) throw requestCancelled();
    // a snapshot's findings never change: its id identifies the result (no hashing on the keystroke path)
    const id = `${s.snap.id}${disabled.has(uri) ? '-off' : ''}`;
    if (params.previousResultId === id && pulled.get(uri)?.id === id) return { kind: 'unchanged', resultId: id };
    const items = diagnosticsFor(uri, s.snap, doc?.version ?? null);
    pulled.set(uri, { id, items });
    // the pushed findings of the file (from before it was open) give way to the pulled ones
    if (pushed.has(uri)) clearPush(uri);
    return { kind: 'full', resultId: id, items };
  });

  connection.onCodeAction((params) => {
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    if (disabled.has(uri)) return [];
    const s = snapshotFor(uri);
    if (!s) return [];
    return engine().codeActions(params, {
      path: s.path,
      uri,
      version: doc?.version ?? null,
      snapshot: s.snap,
      openVersion: (p) => documents.get(pathToUri(p))?.version ?? null,
      docsBase: s.snap.configFor(s.path).docsBaseUrl,
      clientCommands,
      documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
      createFiles: !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
      guard,
    });
  });

  connection.onCompletion((params) => {
    if (!params.textDocument.uri.endsWith('/web1on1-app.json')) return [];
    const doc = documents.get(params.textDocument.uri);
    return doc ? engine().manifestCompletions(doc.getText(), params.position) : [];
  });

  connection.onHover((params) => {
    if (disabled.has(params.textDocument.uri)) return null;
    const s = snapshotFor(params.textDocument.uri);
    return s ? engine().hover(s.path, params.position, s.snap, s.snap.configFor(s.path).docsBaseUrl) : null;
  });

  connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    const uri = params.textDocument.uri;
    await indexed(uri);
    const s = snapshotFor(uri, true);
    if (!s || disabled.has(uri)) return [];
    return engine().scopeEntries(s.path, s.snap).map((e) => {
      const title = e.uses.length ? `${e.uses.length} call site${e.uses.length === 1 ? '' : 's'} need${e.uses.length === 1 ? 's' : ''} ${e.scope}` : `unused: no call needs ${e.scope}`;
      const locations = e.uses.map((u) => ({ uri: pathToUri(u.file), range: u.range }));
      const command = e.uses.length && clientCommands.has(CLIENT_COMMANDS.showReferences) ? CLIENT_COMMANDS.showReferences : '';
      return { range: e.range, command: { title, command, arguments: command ? [uri, e.range.start, locations] : undefined } };
    });
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SERVER_COMMANDS.showDocumentation) return;
    const [id, href] = (params.arguments ?? []) as [string, string | undefined];
    if (href && caps.window?.showDocument?.support) await connection.window.showDocument({ uri: href, external: true });
    else void connection.window.showInformationMessage(`Policy Lens rule ${id}: ${href ?? engine().ruleInfo(id, '')?.description ?? ''}`);
  });

  function requestCancelled(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled by the client');
  }

  /**
   * A wait for a full run the client cancelled answers "request cancelled"; one the server gave up (the folder
   * is being re-read) answers "server cancelled", and the client asks again.
   */
  async function cancellable(run: Promise<Snapshot>, token: CancellationToken): Promise<Snapshot> {
    try {
      return await run;
    } catch (e) {
      if (!(e instanceof engine().RunCancelled)) throw e;
      if (token.isCancellationRequested) throw requestCancelled();
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The folder is being checked again', { retriggerRequest: true });
    }
  }

  connection.onRequest(CheckWorkspaceRequest, async (...args: unknown[]): Promise<CheckWorkspaceResult> => {
    // vscode-jsonrpc hands a request sent without params the token alone, as its first argument
    const token = args.find((a): a is CancellationToken => CancellationToken.is(a)) ?? CancellationToken.None;
    const t0 = Date.now();
    for (const p of workspace().all()) await p.whenIndexed();
    const progress = await connection.window.createWorkDoneProgress();
    const projects = workspace().all();
    progress.begin('Policy Lens', 0, `Checking ${projects.length} folder(s)…`, false);
    for (const [i, p] of projects.entries()) {
      progress.report(Math.round((i / Math.max(1, projects.length)) * 100), p.root);
      p.reload();
      try {
        track(p, await cancellable(p.settleAsync(overlays(), token), token));
      } catch (e) {
        progress.done();
        throw e;
      }
      await runAndPublish(p);
    }
    progress.done();
    const c = shownCounts();
    return { ...c, findings: c.errors + c.warnings + c.infos, durationMs: Date.now() - t0 };
  });

  connection.onRequest(InitialManifestRequest, async (p: InitialManifestParams): Promise<InitialManifestResult> => {
    const dir = uriToPath(p.folder);
    if (!dir) return { ok: false, message: `Policy Lens can create a manifest only in a folder on disk, not in ${p.folder}.` };
    const project = workspace().projectFor(dir);
    await project.whenIndexed();
    const snap = settled(project);
    if (project.error) return { ok: false, message: `Fix .policylens.json first: ${project.error}` };
    const inside = snap.result.apps.filter((a) => a.root === dir || a.root.startsWith(dir + '/'));
    const here = inside.find((a) => a.root === dir);
    if (here?.hasManifest) return { ok: false, message: `${here.manifestPath} already exists.`, existing: pathToUri(here.manifestPath) };
    const without = inside.filter((a) => !a.hasManifest);
    const app = here ?? (without.length === 1 ? without[0] : undefined);
    if (!app && without.length > 1) return { ok: false, message: 'Several apps in this folder have no manifest: pick one.', choices: without.map((a) => pathToUri(a.root)) };
    const root = app?.root ?? dir;
    const text = engine().initialManifestForFolder(snap.result, root, (f) => snap.files.get(f));
    return { ok: true, uri: pathToUri(`${root}/web1on1-app.json`), text, scopes: (text.match(/"scope":/g) ?? []).length };
  });

  connection.onRequest(RuleInfoRequest, (p: RuleInfoParams) => engine().ruleInfo(p.id, docsBaseFor(undefined)) ?? null);
  connection.onRequest(RuleListRequest, (): RuleSummary[] => engine().allRules.map((r) => ({ id: r.meta.id, description: r.meta.description, clauses: r.meta.clauses })));
  connection.onRequest(ReportRequest, async (p: ReportParams): Promise<ReportResult> => {
    const project = projectOf(p.uri);
    await project?.whenIndexed();
    if (!project) return { markdown: '# Policy Lens\n\nOpen a folder with a Web1on1 app to get its compliance report.\n' };
    return { markdown: engine().complianceMarkdown(settled(project), project.root) };
  });

  connection.onRequest(ExportReportRequest, (p: ExportReportParams): ExportReportResult => {
    const project = projectOf(p.uri);
    if (!project) return { ok: false, message: 'Open a folder with a Web1on1 app to export its compliance report.' };
    const now = p.now === undefined ? new Date() : engine().runDate(p.now);
    if (!now) return { ok: false, message: `The report date must be YYYY-MM-DD, not "${p.now}".` };
    if (p.format !== 'markdown' && p.format !== 'html') return { ok: false, message: 'The report format must be markdown or html.' };
    // a fresh run through the CLI's own function (with the unsaved buffers): identical output by construction
    const overlays = new Map([...engineTexts].filter(([path]) => project.contains(path)).map(([path, o]) => [path, o.text]));
    try {
      return { ok: true, text: engine().complianceReportText({ paths: [], cwd: project.root, format: p.format, now, overlays }), root: project.root };
    } catch (e) {
      return { ok: false, message: `The report could not be built: ${(e as Error).message}` };
    }
  });

  connection.onRequest(ListingRequest, async (p: ListingParams): Promise<ListingResult> => {
    await indexedProjects();
    return engine().listing(p, (path) => {
      const project = workspace().projectFor(path);
      return { snap: settled(project), root: project.root };
    });
  });

  connection.onRequest(ManifestStateRequest, async (p: ManifestStateParams): Promise<ManifestStateResult> => {
    await indexed(p.uri);
    const s = snapshotFor(p.uri, true);
    return s ? engine().manifestState(s.path, s.snap) : { version: null, findings: [], callSites: {}, missingScopes: [] };
  });

  connection.onRequest(MemoryRequest, async (): Promise<MemoryResult> => {
    // measured once the index is in and checked, as a user's idle server holds it
    await indexedProjects();
    for (const p of workspace().all()) settled(p);
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    const files = workspace().all().reduce((n, p) => n + (p.last?.files.size ?? 0), 0);
    return { heapUsed: m.heapUsed, rss: m.rss, files };
  });

  /** The project of a file or folder, the first one without a URI; none for a URI that is not a file's. */
  function projectOf(uri: string | undefined): Project | undefined {
    if (uri === undefined) return workspace().all()[0];
    const path = uriToPath(uri);
    return path ? workspace().projectFor(path) : undefined;
  }

  /** Waits for the indexing of the project of `uri`: whole-project answers need the whole index. */
  async function indexed(uri: string): Promise<void> {
    const path = uriToPath(uri);
    if (path) await workspace().projectFor(path).whenIndexed();
  }

  async function indexedProjects(): Promise<void> {
    for (const p of workspace().all()) await p.whenIndexed();
  }

  function docsBaseFor(path: string | undefined): string {
    const p = path ? workspace().projectFor(path) : workspace().all()[0];
    return p?.last?.configFor(path ?? p.root).docsBaseUrl ?? 'https://github.com/policy-lens/policy-lens/blob/main/rules';
  }

  documents.listen(connection);
  connection.listen();
}


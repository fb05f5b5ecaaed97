// The language server: capabilities, document life cycle and request handlers. A thin adapter: the
// engine computes, the modules next to this file translate (diagnostics, code actions, hovers, lenses).
import {
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type CodeLens,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CLAUSES } from '../../rules/src/clauses';
import type * as Core from './core';
import type { Overlay, Project, Snapshot } from './project';
import {
  CHECK_WORKSPACE_REQUEST,
  CLIENT_COMMANDS,
  EXPORT_REPORT_REQUEST,
  FIX_ALL_KIND,
  LISTING_REQUEST,
  MANIFEST_STATE_REQUEST,
  MEMORY_REQUEST,
  REPORT_REQUEST,
  RULE_INFO_REQUEST,
  RULE_LIST_REQUEST,
  SERVER_COMMANDS,
  STATUS_NOTIFICATION,
  type CheckWorkspaceResult,
  type ExportReportParams,
  type ExportReportResult,
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
import { Settings } from './settings';
import { pathToUri, uriToPath } from './uri';
import type { Workspace } from './workspace';

/** Push mode waits this long after the last keystroke; pull mode answers at once (the client paces). */
const PUSH_DELAY_MS = 150;
/** Findings of other open files (manifest scopes …) follow an edit only once typing pauses: no flicker. */
const SETTLE_DELAY_MS = 400;
/** Documents bigger than this are checked when opened and saved, not on every keystroke (PERF.md). */
const LARGE_DOCUMENT_CHARS = 1024 * 1024;
/** From this many code files a folder is indexed in a worker thread (starting one costs about half a second). */
const INDEX_IN_WORKER_FROM = 150;
const WATCHED = '**/{web1on1-app.json,.policylens.json,package.json,.env.example,.gitignore,*.js,*.jsx,*.ts,*.tsx,*.mjs,*.cjs,*.mts,*.cts}';

export function startServer(connection: Connection, loadCore: () => typeof Core): void {
  const documents = new TextDocuments(TextDocument);
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
  /** Projects whose closed files' findings are published ("Check workspace" ran). */
  const publishClosed = new Set<Project>();
  const timers = new Map<Project, NodeJS.Timeout>();

  const pull = () => !!caps.textDocument?.diagnostic;
  const log = (m: string) => connection.console.log(m);

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
    // warm the engine while the editor is still opening files
    setImmediate(() => workspace());
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
    if (!path) return;
    engineTexts.set(path, { text: doc.getText(), version: doc.version });
    for (const p of projectsOf(path)) p.changed(path, doc.getText());
    // a closed file's pushed findings give way to the open document's own
    if (pull() && pushed.has(doc.uri)) clearPush(doc.uri);
    void settings.for(doc.uri).then((s) => {
      runModes.set(doc.uri, s.run);
      if (s.enable) disabled.delete(doc.uri);
      else disabled.add(doc.uri);
      schedule(workspace().projectFor(path), pull() ? SETTLE_DELAY_MS : 0);
    });
  });

  const largeNoted = new Set<string>();
  /** onSave by setting, or because the document is too big to re-check per keystroke. */
  function checksOnSave(doc: TextDocument): boolean {
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

  function textChanged(path: string, doc: TextDocument): void {
    engineTexts.set(path, { text: doc.getText(), version: doc.version });
    for (const p of projectsOf(path)) {
      p.changed(path, doc.getText());
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
      if (doc) publish(uri, diagnosticsFor(uri, run(project), doc.version), doc.version);
    }, PUSH_DELAY_MS));
  }

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const touched = new Set<Project>();
    for (const c of changes) {
      const path = uriToPath(c.uri);
      if (!path || engineTexts.has(path)) continue; // an open document's buffer is the truth
      for (const p of workspace().containing(path)) {
        p.changed(path, undefined);
        touched.add(p);
      }
    }
    for (const p of touched) schedule(p, 0);
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
        // a run stopped by a reload is followed by the reload's own
        if (!(e instanceof engine().RunCancelled)) connection.console.error(`Policy Lens: a full check failed: ${e.stack ?? e.message}`);
      });
    }, delay));
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
    if (publishClosed.has(project)) publishClosedFiles(project, snap);
  }

  function diagnosticsFor(uri: string, snap: Snapshot, version: number | null): Diagnostic[] {
    const path = uriToPath(uri);
    if (!path || disabled.has(uri)) return [];
    const findings = snap.byFile.get(path) ?? [];
    if (!findings.length) return [];
    const base = snap.configFor(path).docsBaseUrl;
    const v = snap.versions.get(path) ?? version;
    return findings.map((f) => engine().toDiagnostic(f, base, v ?? null));
  }

  function publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    if (!diagnostics.length && !pushed.has(uri)) return;
    void connection.sendDiagnostics({ uri, diagnostics, version });
    if (diagnostics.length) pushed.add(uri);
    else pushed.delete(uri);
  }

  function clearPush(uri: string): void {
    publish(uri, []);
  }

  function publishClosedFiles(project: Project, snap: Snapshot): void {
    const open = new Set(documents.all().map((d) => d.uri));
    const now = new Set<string>();
    for (const file of snap.byFile.keys()) {
      const uri = pathToUri(file);
      if (open.has(uri)) continue;
      now.add(uri);
      publish(uri, diagnosticsFor(uri, snap, null));
    }
    for (const uri of [...pushed]) {
      const path = uriToPath(uri);
      if (path && project.contains(path) && !open.has(uri) && !now.has(uri)) clearPush(uri);
    }
  }

  function sendStatus(): void {
    const s: StatusParams = { state: 'idle', errors: 0, warnings: 0, infos: 0, files: 0 };
    let last: Date | undefined;
    const errors: string[] = [];
    for (const p of workspace().all()) {
      if (p.error) errors.push(p.error);
      const snap = p.last;
      if (!snap || snap.partial) continue;
      s.files += snap.result.stats.codeFiles;
      for (const list of snap.byFile.values()) for (const f of list) s[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
      if (!last || snap.finishedAt > last) last = snap.finishedAt;
    }
    if (workspace().all().some((p) => p.isIndexing)) Object.assign(s, { state: 'checking', message: 'Indexing the workspace…' });
    if (errors.length) Object.assign(s, { state: 'error', message: errors.join('\n') });
    s.lastCheck = last?.toISOString();
    void connection.sendNotification(STATUS_NOTIFICATION, s);
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

  connection.onRequest(CHECK_WORKSPACE_REQUEST, async (_params: unknown, token): Promise<CheckWorkspaceResult> => {
    const t0 = Date.now();
    for (const p of workspace().all()) await p.whenIndexed();
    const progress = await connection.window.createWorkDoneProgress();
    const projects = workspace().all();
    progress.begin('Policy Lens', 0, `Checking ${projects.length} folder(s)…`, false);
    let files = 0;
    let findings = 0;
    for (const [i, p] of projects.entries()) {
      progress.report(Math.round((i / Math.max(1, projects.length)) * 100), p.root);
      p.reload();
      publishClosed.add(p);
      let snap: Snapshot;
      try {
        snap = track(p, await cancellable(p.settleAsync(overlays(), token), token));
      } catch (e) {
        progress.done();
        throw e;
      }
      files += snap.result.stats.codeFiles;
      for (const list of snap.byFile.values()) findings += list.length;
      await runAndPublish(p);
    }
    progress.done();
    return { files, findings, durationMs: Date.now() - t0 };
  });

  connection.onRequest(RULE_INFO_REQUEST, (p: RuleInfoParams) => engine().ruleInfo(p.id, docsBaseFor(undefined)) ?? null);
  connection.onRequest(RULE_LIST_REQUEST, (): RuleSummary[] => engine().allRules.map((r) => ({ id: r.meta.id, description: r.meta.description, clauses: r.meta.clauses })));
  connection.onRequest(REPORT_REQUEST, async (p: ReportParams): Promise<ReportResult> => {
    const project = p.uri ? workspace().projectFor(uriToPath(p.uri) ?? '') : workspace().all()[0];
    await project?.whenIndexed();
    if (!project) return { markdown: '# Policy Lens\n\nOpen a folder with a Web1on1 app to get its compliance report.\n' };
    return { markdown: engine().complianceMarkdown(settled(project), project.root) };
  });

  connection.onRequest(EXPORT_REPORT_REQUEST, (p: ExportReportParams): ExportReportResult => {
    const project = p.uri ? workspace().projectFor(uriToPath(p.uri) ?? '') : workspace().all()[0];
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

  connection.onRequest(LISTING_REQUEST, async (p: ListingParams): Promise<ListingResult> => {
    await indexedProjects();
    return engine().listing(p, (path) => {
      const project = workspace().projectFor(path);
      return { snap: settled(project), root: project.root };
    });
  });

  connection.onRequest(MANIFEST_STATE_REQUEST, async (p: ManifestStateParams): Promise<ManifestStateResult> => {
    await indexed(p.uri);
    const s = snapshotFor(p.uri, true);
    return s ? engine().manifestState(s.path, s.snap) : { version: null, findings: [], callSites: {}, missingScopes: [] };
  });

  connection.onRequest(MEMORY_REQUEST, async (): Promise<MemoryResult> => {
    // measured once the index is in and checked, as a user's idle server holds it
    await indexedProjects();
    for (const p of workspace().all()) settled(p);
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    const files = workspace().all().reduce((n, p) => n + (p.last?.files.size ?? 0), 0);
    return { heapUsed: m.heapUsed, rss: m.rss, files };
  });

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


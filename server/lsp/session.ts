// What one connection to an editor knows: the client's capabilities and options, the workspace folders, and
// the engine and workspace, both loaded lazily (the engine is a big bundle, read after `initialize`).
import type { ClientCapabilities, Connection, InitializeParams, TextDocuments } from 'vscode-languageserver';
import type * as Core from './core';
import type { Project } from './project';
import type { InitOptions } from './protocol';
import { RangeGuard } from './range-guard';
import type { OpenDocument } from './text-document';
import { pathToUri, uriToPath } from './uri';
import type { Workspace } from './workspace';

/** From this many code files a folder is indexed in a worker thread (starting one costs about half a second). */
const INDEX_IN_WORKER_FROM = 150;
const DEFAULT_DOCS_BASE = 'https://github.com/policy-lens/policy-lens/blob/main/rules';

/** What the session tells the rest of the server about indexing in a worker. */
export interface IndexingEvents {
  /** A worker started: the project now counts as indexing. */
  started(): void;
  /** The index is in (or the worker failed and the server indexed itself). */
  indexed(project: Project): void;
}

export class Session {
  caps: ClientCapabilities = {};
  init: InitOptions = {};
  clientCommands = new Set<string>();
  private readonly folders: string[] = [];
  private core: typeof Core | undefined;
  private ws: Workspace | undefined;
  /** Ranges fitted into the texts they were computed on; open documents by their line index. */
  readonly guard: RangeGuard;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<OpenDocument>,
    private readonly loadCore: () => typeof Core,
    private readonly indexing: IndexingEvents,
  ) {
    this.guard = new RangeGuard((m) => connection.console.error(m), (path) => documents.get(pathToUri(path))?.lines);
  }

  /** Takes what `initialize` says about the client and its folders. */
  initialize(params: InitializeParams): void {
    this.caps = params.capabilities;
    this.init = (params.initializationOptions ?? {}) as InitOptions;
    this.clientCommands = new Set(this.init.clientCommands ?? []);
    for (const f of params.workspaceFolders ?? []) {
      const p = uriToPath(f.uri);
      if (p) this.folders.push(p);
    }
    if (!params.workspaceFolders?.length && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) this.folders.push(p);
    }
  }

  /** The client pulls diagnostics (LSP 3.17) rather than taking pushed ones. */
  pull(): boolean {
    return !!this.caps.textDocument?.diagnostic;
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  engine(): typeof Core {
    return (this.core ??= this.loadCore());
  }

  workspace(): Workspace {
    if (!this.ws) {
      this.ws = this.createWorkspace();
      for (const f of this.folders) this.ws.addFolder(f);
    }
    return this.ws;
  }

  private createWorkspace(): Workspace {
    const engine = this.engine();
    const connection = this.connection;
    return new engine.Workspace(engine.allRules, undefined, {
      minFiles: INDEX_IN_WORKER_FROM,
      start: (request, codeFiles) => {
        const script = engine.indexWorkerScript();
        if (!script) return undefined;
        const progress = connection.window.createWorkDoneProgress().then((p) => {
          p.begin('Policy Lens', 0, `Indexing ${codeFiles} files…`, false);
          return p;
        });
        const indexing = engine.indexInWorker(script, request, (done, total) => void progress.then((p) => p.report(Math.floor((done / total) * 100), `Indexing: ${done} of ${total} files`)));
        void indexing.done.finally(() => progress.then((p) => p.done())).catch(() => undefined);
        this.log(`Indexing ${codeFiles} files of ${request.root} in a worker thread`);
        setImmediate(() => this.indexing.started()); // once the project counts as indexing
        return indexing;
      },
      onIndexed: (project, error) => {
        if (error) connection.console.error(`Policy Lens: indexing in a worker failed (${error}); indexing in the server instead`);
        else this.log(`Indexed ${project.root}`);
        this.indexing.indexed(project);
      },
    });
  }

  /** The project that checks `path` plus any other (nested folder) that contains it. */
  projectsOf(path: string): Set<Project> {
    return new Set([this.workspace().projectFor(path), ...this.workspace().containing(path)]);
  }

  /** The project of a file or folder, the first one without a URI; none for a URI that is not a file's. */
  projectOf(uri: string | undefined): Project | undefined {
    if (uri === undefined) return this.workspace().all()[0];
    const path = uriToPath(uri);
    return path ? this.workspace().projectFor(path) : undefined;
  }

  /** Waits for the indexing of the project of `uri`: whole-project answers need the whole index. */
  async indexed(uri: string): Promise<void> {
    const path = uriToPath(uri);
    if (path) await this.workspace().projectFor(path).whenIndexed();
  }

  async indexedProjects(): Promise<void> {
    for (const p of this.workspace().all()) await p.whenIndexed();
  }

  docsBaseFor(path: string | undefined): string {
    const p = path ? this.workspace().projectFor(path) : this.workspace().all()[0];
    return p?.last?.configFor(path ?? p.root).docsBaseUrl ?? DEFAULT_DOCS_BASE;
  }
}

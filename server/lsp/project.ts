// One checked folder (a workspace folder, or the guessed root of a loose file): the texts the engine sees,
// one Engine instance (its per-file cache is what makes a re-run after an edit cheap), and the last run.
import { existsSync, realpathSync } from 'node:fs';
import type { CancellationToken } from 'vscode-languageserver';
import { Engine, RunCancelled, type ProjectInput } from '../../rules/src/engine';
import { CONFIG_NAME, ConfigError, defaultConfig } from '../../rules/src/config';
import { APP_FILES, loadProject, readCheckableFile, realPathWithin, toPosix } from '../../rules/src/node/load-project';
import { isCodeFile } from '../../rules/src/parse';
import { isLocaleJsonPath } from '../../rules/src/lexicon/locale-dictionaries';
import type { Rule } from '../../rules/src/rule';
import type { Indexing, IndexRequest } from './indexing';
import type { Notice } from '../../rules/src/types';
import { emptySnapshot, heldSnapshot, quickSnapshot, snapshotOf, type Overlay, type Snapshot } from './snapshot';

export type { Overlay, Snapshot } from './snapshot';

/** How a project hands its indexing to another thread; the server wires progress and completion. */
export interface IndexingOptions {
  /** Starts indexing elsewhere (`codeFiles` of the request's files are code), or undefined to index in this thread. */
  start?: (request: IndexRequest, codeFiles: number) => Indexing | undefined;
  /** Below this many code files indexing in this thread is quicker than starting a worker. */
  minFiles?: number;
  /** The index is in (or failed and was redone here): everything should be re-checked and re-published. */
  onIndexed?: (project: Project, error?: string) => void;
}

export class Project {
  readonly engine: Engine;
  private files = new Map<string, string>();
  private openPaths = new Set<string>();
  private paths = new Set<string>();
  private loaded: ProjectInput | undefined;
  private needsLoad = true;
  private dirty = true;
  /** Files changed since the last full run. */
  private pending = new Set<string>();
  /** Indexing in another thread, and whether it failed (then this thread does it). */
  private indexing: Indexing | undefined;
  private workerFailed = false;
  /** Only the first index goes elsewhere: later loads find most results cached. */
  private firstIndex = true;
  last: Snapshot | undefined;
  /** Changes seen (see `changed`), and full runs begun: a full run that yielded knows what happened meanwhile. */
  private changes = 0;
  private fullRuns = 0;
  /** A full run handing the thread back between files (settleAsync), while it is under way. */
  private settling: Promise<Snapshot> | undefined;
  /** A broken .policylens.json: nothing is checked until it is fixed. */
  error: string | undefined;
  /** Files the loader could not or would not read (the engine's own notices come with each run). */
  private loadNotices: Notice[] = [];
  private reportedNotices = new Set<string>();
  private realRootPath: string | undefined;

  constructor(
    /** Absolute folder (forward slashes); or one file when nothing around it looks like a project. */
    readonly root: string,
    rules: readonly Rule[],
    private readonly now: () => Date = () => new Date(),
    private readonly indexer: IndexingOptions = {},
    /** False for a folder that does not look like an app (a client named `file:///`): it is a lone path, nothing below it is read. */
    private readonly readsFolder = true,
  ) {
    this.engine = new Engine(rules);
    // open documents are edited again and again: their trees are kept for incremental re-parsing
    this.engine.keepTreeFor = (path) => this.openPaths.has(path);
  }

  /** The root with symbolic links resolved: files are read only when they really lie below it. */
  private realRoot(): string {
    if (this.realRootPath === undefined) {
      try {
        this.realRootPath = toPosix(realpathSync(this.root));
      } catch {
        return this.root; // not there (yet): nothing below it can be read either
      }
    }
    return this.realRootPath;
  }

  contains(path: string): boolean {
    if (!this.readsFolder) return path === this.root; // a lone path, not a folder of files
    return path === this.root || path.startsWith(this.root.endsWith('/') ? this.root : this.root + '/');
  }

  /** Re-read everything from disk on the next run (config changed, folder renamed …). */
  reload(): void {
    this.indexing?.cancel();
    this.indexing = undefined;
    this.needsLoad = true;
    this.dirty = true;
  }

  /** True while another thread indexes the folder (findings of open files only, no manifest-dependent ones). */
  get isIndexing(): boolean {
    return this.indexing !== undefined;
  }

  /**
   * A file changed (editor buffer, or on disk when `text` is undefined). Config files change how every
   * file is read, so they force a reload; everything else updates one entry of the map.
   */
  changed(path: string, text: string | undefined): void {
    this.dirty = true;
    this.changes++;
    this.pending.add(path);
    if (this.needsLoad) return;
    if (path.endsWith('/' + CONFIG_NAME)) return this.reload();
    if (text === undefined) text = readIfWanted(path, this.realRoot());
    if (text === undefined) {
      this.files.delete(path);
      if (!existsSync(path)) {
        this.paths.delete(path);
        this.engine.forget(path);
      }
    } else {
      this.files.set(path, text);
      this.paths.add(path);
    }
  }

  /**
   * The current snapshot. When only open code files changed since the last full run, they alone are
   * re-checked (the quick path: code rules fresh, manifest-dependent findings held and moved with the text)
   * and the full run waits for `settle`, so findings of other files do not flicker while the user types.
   * While the folder is being indexed elsewhere, the open files are checked on their own.
   */
  snapshot(overlays: ReadonlyMap<string, Overlay>): Snapshot {
    return this.snapshotNow(overlays) ?? this.settle(overlays);
  }

  /**
   * The snapshot a request can be answered from without a full run in this thread: the last one while nothing
   * changed, the quick one, the open files' while indexing, or (while a full run is under way: it must not
   * starve requests) the last one. Undefined when only a full run will do.
   */
  snapshotNow(overlays: ReadonlyMap<string, Overlay>): Snapshot | undefined {
    if (!this.dirty && this.last) return this.last;
    const error = this.ensureLoaded(overlays);
    if (error) return error;
    if (this.indexing || this.startIndexing(overlays)) return this.openFilesOnly(overlays);
    return this.quick(overlays) ?? (this.settling && this.last ? heldSnapshot(this.last, overlays) : undefined);
  }

  /**
   * The full run of `settle`, handing the thread back between files so that requests are answered meanwhile.
   * One such run at a time, shared by every caller; a caller's `token` only stops its own wait (RunCancelled),
   * the run goes on for the others. A reload while it runs stops the run: its texts are stale (RunCancelled).
   * Changes made while it runs stay owed: the project is still dirty after.
   */
  settleAsync(overlays: ReadonlyMap<string, Overlay>, token?: CancellationToken): Promise<Snapshot> {
    if (!this.dirty && this.last?.settled) return Promise.resolve(this.last);
    if (!this.settling) {
      const run = this.runFull(overlays);
      this.settling = run;
      const clear = () => {
        if (this.settling === run) this.settling = undefined;
      };
      run.then(clear, clear);
    }
    return token ? untilCancelled(this.settling, token) : this.settling;
  }

  /** Resolves when the full run under way (if any) has ended, however it ended. */
  async fullRunDone(): Promise<void> {
    await this.settling?.catch(() => undefined);
  }

  private async runFull(overlays: ReadonlyMap<string, Overlay>): Promise<Snapshot> {
    const start = this.fullRunStart(overlays);
    if ('result' in start) return start;
    const { input, files, versions } = start;
    const changesBefore = this.changes;
    const run = ++this.fullRuns;
    const loaded = this.loaded;
    const result = await this.engine.runAsync({ ...input, files, paths: [...this.paths], now: this.now() }, { pause: () => new Promise((resolve) => setImmediate(resolve)), cancelled: () => this.needsLoad || this.loaded !== loaded });
    // a full run that began later (a request that could not wait) has the newer result
    if (run !== this.fullRuns && this.last?.settled) return this.last;
    // changed meanwhile: the files stay pending, so the next snapshot re-checks them on top of this one
    this.dirty = this.changes !== changesBefore;
    if (!this.dirty) this.pending.clear();
    this.last = snapshotOf(result, files, versions, input.configFor!, { settled: true, partial: false });
    return this.last;
  }

  /** Runs the engine over the whole folder if anything changed since the last full run. */
  settle(overlays: ReadonlyMap<string, Overlay>): Snapshot {
    if (!this.dirty && this.last?.settled) return this.last;
    const start = this.fullRunStart(overlays);
    if ('result' in start) return start;
    const { input, files, versions } = start;
    this.fullRuns++;
    const result = this.engine.run({ ...input, files, paths: [...this.paths], now: this.now() });
    this.dirty = false;
    this.pending.clear();
    this.last = snapshotOf(result, files, versions, input.configFor!, { settled: true, partial: false });
    return this.last;
  }

  /**
   * What a full run starts from: the loaded folder with the open documents' texts, or the snapshot that
   * stands in for a run (a broken config, or only the open files while the folder is indexed elsewhere).
   */
  private fullRunStart(overlays: ReadonlyMap<string, Overlay>): Snapshot | { input: ProjectInput; files: Map<string, string>; versions: Map<string, number> } {
    const error = this.ensureLoaded(overlays);
    if (error) return error;
    if (this.indexing) return this.openFilesOnly(overlays);
    const { texts, versions } = this.openTexts(overlays);
    for (const [p, t] of texts) {
      this.files.set(p, t);
      this.paths.add(p);
    }
    return { input: this.loaded!, files: new Map(this.files), versions };
  }

  /** "Not checked" notices of the last load and run not handed out before: each is told once. */
  newNotices(): Notice[] {
    const fresh: Notice[] = [];
    for (const n of [...this.loadNotices, ...(this.last?.result.notices ?? [])]) {
      const key = `${n.file}\n${n.message}`;
      if (this.reportedNotices.has(key)) continue;
      this.reportedNotices.add(key);
      fresh.push(n);
    }
    return fresh;
  }

  /** Resolves once no indexing is under way (at once when none is). */
  async whenIndexed(): Promise<void> {
    while (this.indexing) await this.indexing.done.catch(() => undefined);
  }

  private openTexts(overlays: ReadonlyMap<string, Overlay>): { texts: Map<string, string>; versions: Map<string, number> } {
    const versions = new Map<string, number>();
    const texts = new Map<string, string>();
    this.openPaths = new Set([...overlays.keys()].filter((p) => this.contains(p)));
    for (const [p, o] of overlays) {
      if (!this.contains(p)) continue;
      texts.set(p, o.text);
      versions.set(p, o.version);
    }
    return { texts, versions };
  }

  /** Reads the folder when needed; a broken config gives the (empty) error snapshot. */
  private ensureLoaded(overlays: ReadonlyMap<string, Overlay>): Snapshot | undefined {
    if (!this.needsLoad) return undefined;
    const { texts, versions } = this.openTexts(overlays);
    try {
      const loaded = this.readsFolder
        ? loadProject([this.root], { cwd: this.root, knownRuleIds: this.engine.ruleIds, now: this.now(), overlays: texts })
        : { input: { root: this.root, files: new Map(texts), paths: [...texts.keys()], configFor: () => defaultConfig(), now: this.now() }, notices: [] };
      this.loaded = loaded.input;
      this.loadNotices = loaded.notices;
      this.files = new Map(loaded.input.files);
      this.paths = new Set(loaded.input.paths ?? loaded.input.files.keys());
      this.needsLoad = false;
      this.error = undefined;
      return undefined;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      this.error = e.message;
      this.dirty = false;
      this.last = emptySnapshot(versions);
      return this.last;
    }
  }

  /** Hands the folder's analysis to another thread when it is big enough to be worth it. */
  private startIndexing(overlays: ReadonlyMap<string, Overlay>): boolean {
    if (!this.firstIndex || this.workerFailed || !this.indexer.start) return false;
    this.firstIndex = false;
    const { texts } = this.openTexts(overlays);
    const files = new Map(this.files);
    for (const [p, t] of texts) files.set(p, t);
    const codeFiles = [...files.keys()].filter(isCodeFile).length;
    if (codeFiles < (this.indexer.minFiles ?? 0)) return false;
    const indexing = this.indexer.start({ root: this.root, files, paths: [...this.paths], now: this.now().toISOString() }, codeFiles);
    if (!indexing) return false;
    this.indexing = indexing;
    indexing.done.then(
      (results) => {
        if (this.indexing !== indexing) return; // reloaded meanwhile
        this.engine.importResults(results);
        this.finishIndexing();
      },
      (e: Error) => {
        if (this.indexing !== indexing) return;
        this.workerFailed = true;
        this.finishIndexing(e.message);
      },
    );
    return true;
  }

  private finishIndexing(error?: string): void {
    this.indexing = undefined;
    this.dirty = true;
    this.last = undefined; // the open-files-only snapshot must not be the base of a quick one
    this.indexer.onIndexed?.(this, error);
  }

  /** While indexing: the open files checked on their own (code rules and suppressions, no app rules). */
  private openFilesOnly(overlays: ReadonlyMap<string, Overlay>): Snapshot {
    const { texts, versions } = this.openTexts(overlays);
    const files = new Map<string, string>();
    for (const [p, t] of this.files) if (!isCodeFile(p)) files.set(p, t);
    for (const [p, t] of texts) files.set(p, t);
    const input = this.loaded!;
    const result = this.engine.run({ ...input, files, paths: [...this.paths], now: this.now(), partial: true });
    this.dirty = false;
    this.last = snapshotOf(result, files, versions, input.configFor!, { settled: false, partial: true });
    return this.last;
  }

  private quick(overlays: ReadonlyMap<string, Overlay>): Snapshot | undefined {
    const last = this.last;
    if (!last || last.partial || this.error || !this.pending.size) return undefined;
    const next = quickSnapshot(last, this.pending, overlays, this.engine, this.now());
    if (!next) return undefined;
    for (const p of this.pending) this.files.set(p, next.files.get(p)!);
    // while a full run is under way it may finish on older texts: these stay owed until one sees them
    if (!this.settling) this.pending.clear();
    // still owed: the full run recomputes app-rule findings and what other files learn from these
    this.dirty = false;
    this.last = next;
    return next;
  }
}

/**
 * Reads a file the engine would read (code or app files); undefined when gone, binary, not a regular file,
 * not wanted, or reached through a symbolic link that leads out of the project.
 */
function readIfWanted(path: string, realRoot: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!isCodeFile(path) && !APP_FILES.has(name) && !isLocaleJsonPath(path)) return undefined;
  if (!realPathWithin(path, realRoot)) return undefined;
  const read = readCheckableFile(path, 4 * 1024 * 1024);
  return 'text' in read ? read.text : undefined;
}

/** `run`, or RunCancelled as soon as the token is (the run itself goes on). */
function untilCancelled<T>(run: Promise<T>, token: CancellationToken): Promise<T> {
  if (token.isCancellationRequested) return Promise.reject(new RunCancelled());
  return new Promise<T>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => reject(new RunCancelled()));
    run.then(
      (v) => {
        listener.dispose();
        resolve(v);
      },
      (e: unknown) => {
        listener.dispose();
        reject(e);
      },
    );
  });
}

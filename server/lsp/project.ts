// One checked folder (a workspace folder, or the guessed root of a loose file): the texts the engine sees,
// one Engine instance (its per-file cache is what makes a re-run after an edit cheap), and the last run.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { Engine, type ProjectInput, type RunResult } from '../../rules/src/engine';
import { CONFIG_NAME, ConfigError, defaultConfig } from '../../rules/src/config';
import { loadProject } from '../../rules/src/node/load-project';
import { isCodeFile } from '../../rules/src/parse';
import type { Rule } from '../../rules/src/rule';
import type { Finding } from '../../rules/src/types';

/** The text of an open document as the engine should see it, with the editor's version. */
export interface Overlay { text: string; version: number }

/** One finished run: findings by file plus the exact texts and versions they were computed from. */
export interface Snapshot {
  id: number;
  result: RunResult;
  /** File texts the run used (fix offsets refer to these). */
  files: ReadonlyMap<string, string>;
  /** Versions of the open documents the run used. */
  versions: ReadonlyMap<string, number>;
  /** Unsuppressed findings by file. */
  byFile: ReadonlyMap<string, Finding[]>;
  finishedAt: Date;
  configFor: NonNullable<ProjectInput['configFor']>;
}

let nextSnapshotId = 1;

export class Project {
  readonly engine: Engine;
  private files = new Map<string, string>();
  private openPaths = new Set<string>();
  private paths = new Set<string>();
  private loaded: ProjectInput | undefined;
  private needsLoad = true;
  private dirty = true;
  last: Snapshot | undefined;
  /** A broken .policylens.json: nothing is checked until it is fixed. */
  error: string | undefined;

  constructor(
    /** Absolute folder (forward slashes); or one file when nothing around it looks like a project. */
    readonly root: string,
    rules: readonly Rule[],
    private readonly now: () => Date = () => new Date(),
  ) {
    this.engine = new Engine(rules);
    // open documents are edited again and again: their trees are kept for incremental re-parsing
    this.engine.keepTreeFor = (path) => this.openPaths.has(path);
  }

  contains(path: string): boolean {
    return path === this.root || path.startsWith(this.root.endsWith('/') ? this.root : this.root + '/');
  }

  /** Re-read everything from disk on the next run (config changed, folder renamed …). */
  reload(): void {
    this.needsLoad = true;
    this.dirty = true;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  /**
   * A file changed (editor buffer, or on disk when `text` is undefined). Config files change how every
   * file is read, so they force a reload; everything else updates one entry of the map.
   */
  changed(path: string, text: string | undefined): void {
    this.dirty = true;
    if (this.needsLoad) return;
    if (path.endsWith('/' + CONFIG_NAME)) return this.reload();
    if (text === undefined) text = readIfWanted(path);
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

  /** Runs the engine if anything changed since the last run; returns the current snapshot. */
  snapshot(overlays: ReadonlyMap<string, Overlay>): Snapshot {
    if (!this.dirty && this.last) return this.last;
    const versions = new Map<string, number>();
    const texts = new Map<string, string>();
    this.openPaths = new Set([...overlays.keys()].filter((p) => this.contains(p)));
    for (const [p, o] of overlays) {
      if (!this.contains(p)) continue;
      texts.set(p, o.text);
      versions.set(p, o.version);
    }
    try {
      if (this.needsLoad) this.load(texts);
      this.error = undefined;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      this.error = e.message;
      this.dirty = false;
      this.needsLoad = true;
      const empty = this.emptySnapshot(versions);
      this.last = empty;
      return empty;
    }
    for (const [p, t] of texts) {
      this.files.set(p, t);
      this.paths.add(p);
    }
    const input = this.loaded!;
    const files = new Map(this.files);
    const result = this.engine.run({ ...input, files, paths: [...this.paths], now: this.now() });
    const byFile = new Map<string, Finding[]>();
    for (const f of result.findings) {
      if (f.suppression) continue;
      const list = byFile.get(f.file);
      if (list) list.push(f);
      else byFile.set(f.file, [f]);
    }
    this.dirty = false;
    this.last = { id: nextSnapshotId++, result, files, versions, byFile, finishedAt: new Date(), configFor: input.configFor! };
    return this.last;
  }

  private load(overlays: ReadonlyMap<string, string>): void {
    const knownRuleIds = this.engine.ruleIds;
    const loaded = loadProject([this.root], { cwd: this.root, knownRuleIds, now: this.now(), overlays });
    this.loaded = loaded.input;
    this.files = new Map(loaded.input.files);
    this.paths = new Set(loaded.input.paths ?? loaded.input.files.keys());
    this.needsLoad = false;
  }

  private emptySnapshot(versions: Map<string, number>): Snapshot {
    const result: RunResult = { findings: [], notices: [], exemptions: [], bindings: [], apps: [], facts: new Map(), stats: { codeFiles: 0, rulesRun: 0, clauseRules: new Map(), durationMs: 0 } };
    return { id: nextSnapshotId++, result, files: new Map(), versions, byFile: new Map(), finishedAt: new Date(), configFor: () => defaultConfig() };
  }
}

const APP_FILE_NAMES = new Set(['web1on1-app.json', 'package.json', '.gitignore', '.npmignore', '.env.example', CONFIG_NAME]);

/** Reads a file the engine would read (code or app files); undefined when gone, binary or not wanted. */
function readIfWanted(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!isCodeFile(path) && !APP_FILE_NAMES.has(name)) return undefined;
  try {
    if (statSync(path).size > 4 * 1024 * 1024) return undefined;
    const buf = readFileSync(path);
    return buf.includes(0) ? undefined : buf.toString('utf8');
  } catch {
    return undefined;
  }
}

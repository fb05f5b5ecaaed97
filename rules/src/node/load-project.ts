// The file-system adapter shared by the CLI and the language server: it turns paths into the engine's
// pure ProjectInput. Nothing here runs workspace code or spawns processes.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { MANIFEST_NAME } from '../app';
import { README_NAMES } from '../manifest/listing-text';
import { isLocaleJsonPath } from '../lexicon/locale-dictionaries';
import { CONFIG_NAME, ConfigError, defaultConfig, parseConfig, type ResolvedConfig } from '../config';
import type { ProjectInput } from '../engine';
import { isCodeFile } from '../parse';
import { trimTrailing } from '../text';
import type { Notice } from '../types';

/** Folders no one wants checked unless named explicitly. */
export const DEFAULT_EXCLUDED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.vscode-test', '.next', '.nuxt', 'vendor', 'bower_components']);
/** App files rules read besides code (small, by name); the README is where an app presents itself besides its listing. */
export const APP_FILES: ReadonlySet<string> = new Set([MANIFEST_NAME, 'package.json', '.gitignore', '.npmignore', '.env.example', CONFIG_NAME, ...README_NAMES]);
const MAX_FILES = 50_000;

export interface LoadOptions {
  cwd: string;
  /** `--manifest FILE`: one manifest for everything. */
  manifest?: string;
  /** `--config FILE`: one config for everything (otherwise the nearest .policylens.json per file). */
  config?: string;
  knownRuleIds: ReadonlySet<string>;
  now: Date;
  /** Texts that replace what is on disk (unsaved editor buffers, --stdin). */
  overlays?: ReadonlyMap<string, string>;
}

export interface LoadedProject {
  input: ProjectInput;
  notices: Notice[];
  /** Paths given explicitly that a default exclude would have skipped (the CLI says so on stderr). */
  explicitlyIncluded: string[];
  /** The root used for relative paths in output. */
  root: string;
}

/** Forward slashes on Windows; elsewhere a backslash belongs to a file name and `a\\..\\b` must not become `a/../b`. */
export function toPosix(p: string): string {
  return sep === '\\' ? p.replace(/\\/g, '/') : p;
}

/**
 * The text of a regular file no bigger than `limit`, or why it is not checked. Only regular files are opened:
 * reading a FIFO named like a file would wait for a writer forever, and devices never end.
 */
export function readCheckableFile(p: string, limit: number): { text: string } | { notChecked: string } {
  try {
    const st = statSync(p);
    if (!st.isFile()) return { notChecked: 'Not checked: not a regular file' };
    if (st.size > limit) return { notChecked: `Not checked: larger than ${Math.round(limit / 1024)} KiB (raise maxFileBytes in .policylens.json to check it)` };
    const buf = readFileSync(p);
    if (buf.includes(0)) return { notChecked: 'Not checked: binary content' };
    return { text: buf.toString('utf8') };
  } catch (e) {
    return { notChecked: `Not checked: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
}

/** The real path of `p`, when it exists and lies in the real folder `realRoot` (symbolic links resolved). */
export function realPathWithin(p: string, realRoot: string): string | undefined {
  let real: string;
  try {
    real = toPosix(realpathSync(p));
  } catch {
    return undefined;
  }
  return real === realRoot || real.startsWith(realRoot.endsWith('/') ? realRoot : realRoot + '/') ? real : undefined;
}

/** Loads the files under `paths` plus the manifests and configs above them. Throws ConfigError on a broken config. */
export function loadProject(paths: string[], opts: LoadOptions): LoadedProject {
  const files = new Map<string, string>();
  const allPaths: string[] = [];
  const notices: Notice[] = [];
  const explicitlyIncluded: string[] = [];
  const seenDirs = new Set<string>();
  const absPaths = (paths.length ? paths : ['.']).map((p) => toPosix(resolve(opts.cwd, p)));
  let budget = MAX_FILES;
  let maxBytes = defaultConfig().maxFileBytes;

  const readText = (p: string, limit: number): string | undefined => {
    const overlay = opts.overlays?.get(p);
    if (overlay !== undefined) return overlay;
    const read = readCheckableFile(p, limit);
    if ('text' in read) return read.text;
    notices.push({ file: p, kind: 'not-checked', message: read.notChecked });
    return undefined;
  };

  const addFile = (p: string) => {
    if (files.has(p) || allPaths.includes(p)) return;
    allPaths.push(p);
    const name = p.slice(p.lastIndexOf('/') + 1);
    if (APP_FILES.has(name)) {
      const t = readText(p, 4 * 1024 * 1024);
      if (t !== undefined) files.set(p, t);
    } else if (isCodeFile(p) || isLocaleJsonPath(p)) {
      const t = readText(p, maxBytes);
      if (t !== undefined) files.set(p, t);
    }
  };

  /** `realRoot`: the walked folder's real path; symbolic links that lead out of it are not followed. */
  const walk = (dir: string, depth: number, realRoot: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seenDirs.has(real) || depth > 64) return; // symlink loops and absurd depth
    seenDirs.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      notices.push({ file: dir, kind: 'not-checked', message: `Not checked: cannot list folder (${(e as NodeJS.ErrnoException).code ?? ''})` });
      return;
    }
    for (const name of entries) {
      if (budget-- <= 0) {
        notices.push({ file: dir, kind: 'not-checked', message: `Stopped after ${MAX_FILES} files; check a smaller folder` });
        return;
      }
      const p = `${dir}/${name}`;
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isSymbolicLink()) {
        try {
          st = statSync(p);
        } catch {
          continue; // dangling link
        }
        if ((st.isDirectory() || st.isFile()) && !realPathWithin(p, realRoot)) {
          notices.push({ file: p, kind: 'not-checked', message: `Not checked: a symbolic link to a place outside ${realRoot}` });
          continue;
        }
      }
      if (st.isDirectory()) {
        if (DEFAULT_EXCLUDED_DIRS.has(name)) continue;
        walk(p, depth + 1, realRoot);
      } else if (st.isFile()) addFile(p);
    }
  };

  for (const p of absPaths) {
    if (opts.overlays?.has(p) && !existsSync(p)) {
      addFile(p);
      continue;
    }
    if (!existsSync(p)) throw new ConfigError(`${p}: no such file or folder`);
    if (p.split('/').some((seg) => DEFAULT_EXCLUDED_DIRS.has(seg))) explicitlyIncluded.push(p);
    if (statSync(p).isDirectory()) walk(p, 0, toPosix(realpathSync(p)));
    else addFile(p);
  }

  // Manifests, configs and package.json above the given paths bind what lies below them.
  for (const p of absPaths) {
    let dir = existsSync(p) && statSync(p).isDirectory() ? p : toPosix(dirname(p));
    for (let i = 0; i < 32; i++) {
      for (const name of [MANIFEST_NAME, CONFIG_NAME, 'package.json', '.gitignore', '.env.example']) {
        const f = `${dir}/${name}`;
        if (!files.has(f) && existsSync(f)) addFile(f);
      }
      if (existsSync(`${dir}/.git`)) break;
      const up = dirname(dir);
      if (up === dir) break;
      dir = toPosix(up);
    }
  }

  // Config: --config for all, or the nearest .policylens.json (not merged).
  const explicit = opts.config ? toPosix(isAbsolute(opts.config) ? opts.config : resolve(opts.cwd, opts.config)) : undefined;
  const { configFor, configs } = configResolver(files, opts.knownRuleIds, explicit);
  // a config may raise the size limit: re-read code files skipped for size under it
  maxBytes = Math.max(...configs.map((c) => c.maxFileBytes), maxBytes);

  let manifestPath: string | undefined;
  if (opts.manifest) {
    manifestPath = toPosix(isAbsolute(opts.manifest) ? opts.manifest : resolve(opts.cwd, opts.manifest));
    const t = existsSync(manifestPath) ? readText(manifestPath, 4 * 1024 * 1024) : undefined;
    if (t !== undefined) files.set(manifestPath, t);
  }

  const root = absPaths.length === 1 && existsSync(absPaths[0]!) && statSync(absPaths[0]!).isDirectory() ? absPaths[0]! : toPosix(opts.cwd);
  const input: ProjectInput = { root, files, paths: allPaths, configFor, now: opts.now, manifestPath };
  return { input, notices, explicitlyIncluded, root };
}

export function relativePath(from: string, file: string): string {
  const f = toPosix(file);
  const base = trimTrailing(toPosix(from), '/');
  if (f.startsWith(base + '/')) return f.slice(base.length + 1);
  // outside cwd: walk up with ../ segments
  const a = base.split('/');
  const b = f.split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

export { join };

/**
 * `configFor(file)`: the `explicit` config for all, else the nearest `.policylens.json` among `files` (not
 * merged), else the default. Every config among the files is parsed now: a broken one throws ConfigError.
 */
export function configResolver(files: ReadonlyMap<string, string>, knownRuleIds: ReadonlySet<string>, explicit?: string): { configFor: (file: string) => ResolvedConfig; configs: ResolvedConfig[] } {
  const configs = new Map<string, ResolvedConfig>();
  const loadConfig = (path: string): ResolvedConfig => {
    let c = configs.get(path);
    if (!c) {
      let text: string;
      try {
        text = files.get(path) ?? readFileSync(path, 'utf8');
      } catch {
        throw new ConfigError(`${path}: cannot read the config file`);
      }
      c = parseConfig(path, text, knownRuleIds);
      configs.set(path, c);
    }
    return c;
  };
  for (const f of files.keys()) if (f.endsWith('/' + CONFIG_NAME)) loadConfig(f);
  if (explicit) loadConfig(explicit);
  const configFor = (file: string): ResolvedConfig => {
    if (explicit) return loadConfig(explicit);
    let dir = file.slice(0, file.lastIndexOf('/'));
    for (let i = 0; i < 64 && dir; i++) {
      const c = `${dir}/${CONFIG_NAME}`;
      if (files.has(c)) return loadConfig(c);
      const up = dir.slice(0, dir.lastIndexOf('/'));
      if (up === dir) break;
      dir = up;
    }
    return defaultConfig();
  };
  return { configFor, configs: [...configs.values()] };
}

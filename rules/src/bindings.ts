// Which files belong to which app: apps from manifests (and Web1on1 apps without one), each code file
// bound to its nearest manifest, and files outside every app pulled in by an app's relative imports.
import { AppInfo, MANIFEST_NAME } from './app';
import { API } from './data';
import type { Binding, ProjectInput } from './engine/types';
import { isCodeFile } from './parse';

/** Builds an app; the engine passes one that reuses the AppInfo of an unchanged manifest between runs. */
export type AppFactory = (root: string, manifestPath: string, manifestText: string | undefined) => AppInfo;
const newApp: AppFactory = (root, manifestPath, text) => new AppInfo(root, manifestPath, text);

/** One app per manifest (or the one --manifest names), plus Web1on1 apps that have none yet. */
export function discoverApps(input: ProjectInput, paths: readonly string[], makeApp: AppFactory = newApp): AppInfo[] {
  if (input.manifestPath) return [makeApp(input.root, input.manifestPath, input.files.get(input.manifestPath))];
  const manifests = paths.filter((p) => p.endsWith('/' + MANIFEST_NAME)).sort();
  const apps = manifests.map((m) => makeApp(m.slice(0, m.lastIndexOf('/')), m, input.files.get(m)));
  return [...apps, ...manifestlessApps(input, paths, apps.map((a) => a.root), makeApp)];
}

/** The folders above `path`, nearest first (an absolute path ends with '', the root's own). */
export function ancestorDirs(path: string): string[] {
  const out: string[] = [];
  if (!path.includes('/')) return out;
  for (let dir = path.slice(0, path.lastIndexOf('/')); ; dir = dir.slice(0, dir.lastIndexOf('/'))) {
    out.push(dir);
    if (!dir.includes('/')) return out;
  }
}

/** The deepest app whose folder holds `file` (walking up its folders: no scan over every app). */
export function nearestApp(file: string, appsByRoot: ReadonlyMap<string, AppInfo>): AppInfo | undefined {
  for (const dir of ancestorDirs(file)) {
    const app = appsByRoot.get(dir);
    if (app) return app;
  }
  return undefined;
}

/** Nearest ancestor manifest; files outside every app that an app's files import count for that app. */
export function bindFiles(codeFiles: string[], apps: AppInfo[], input: ProjectInput, specifiersOf: (file: string, text: string) => string[]): Binding[] {
  const byRoot = new Map(apps.map((a) => [a.root, a]));
  const out = new Map<string, Binding>();
  let unbound = 0;
  for (const f of codeFiles) {
    const app = nearestApp(f, byRoot);
    out.set(f, { file: f, app: app?.root, via: app ? 'folder' : 'none' });
    if (!app) unbound++;
  }
  // relative imports from bound files pull unbound files into the app (transitively)
  let changed = unbound > 0;
  for (let round = 0; changed && round < 20; round++) {
    changed = false;
    for (const f of codeFiles) {
      const b = out.get(f)!;
      if (!b.app) continue;
      for (const spec of specifiersOf(f, input.files.get(f) ?? '')) {
        const target = resolveRelative(f, spec, input.files);
        const tb = target ? out.get(target) : undefined;
        if (tb && !tb.app) {
          out.set(target!, { file: target!, app: b.app, via: 'import' });
          changed = true;
        }
      }
    }
  }
  return [...out.values()];
}

const SDK_IMPORT_RE = /(?:require\s*\(\s*|from\s+|import\s*\(\s*)['"]chipchat(?:\/[^'"\n]{0,200})?['"]/;

/**
 * Folders that are Web1on1 apps without a manifest: a package.json that depends on chipchat, or whose
 * code imports it or calls the Web1on1 API, with no manifest at, above or below it (a monorepo root
 * whose packages have manifests is not an app of its own). `manifest-missing` reports them.
 */
function manifestlessApps(input: ProjectInput, paths: readonly string[], manifestRoots: readonly string[], makeApp: AppFactory): AppInfo[] {
  const under = (file: string, dir: string) => file.startsWith(dir + '/');
  const roots = paths
    .filter((p) => p.endsWith('/package.json') && !p.includes('/node_modules/'))
    .map((p) => p.slice(0, p.lastIndexOf('/')))
    .filter((dir) => !manifestRoots.some((m) => m === dir || under(dir, m) || under(m, dir)))
    .sort();
  const codeFiles = [...input.files.keys()].filter((f) => isCodeFile(f) && !f.includes('/node_modules/'));
  const usesWeb1on1 = (dir: string) => {
    const pkg = input.files.get(dir + '/package.json');
    if (pkg !== undefined && /"chipchat"\s*:/.test(pkg)) return true;
    return codeFiles.some((f) => {
      if (!under(f, dir)) return false;
      const t = input.files.get(f)!;
      return SDK_IMPORT_RE.test(t) || API.apiHosts.some((h) => t.includes(h)) || API.legacyApiHosts.some((h) => t.includes(h));
    });
  };
  return roots.filter(usesWeb1on1).map((dir) => makeApp(dir, `${dir}/${MANIFEST_NAME}`, undefined));
}

const IMPORT_RE = /(?:require\s*\(\s*|from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"\n]{1,300})['"]/g;
/** Relative specifiers a file imports or requires (a text scan: cheap, and enough for binding). */
export function relativeSpecifiers(text: string): string[] {
  const out: string[] = [];
  IMPORT_RE.lastIndex = 0;
  for (let m = IMPORT_RE.exec(text); m; m = IMPORT_RE.exec(text)) out.push(m[1]!);
  return out;
}

const RESOLVE_SUFFIXES = ['', '.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx', '/index.js', '/index.ts'];
export function resolveRelative(from: string, spec: string, files: ReadonlyMap<string, unknown>): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const parts = from.split('/').slice(0, -1);
  for (const seg of spec.split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  const base = parts.join('/');
  for (const s of RESOLVE_SUFFIXES) if (files.has(base + s)) return base + s;
  if (base.endsWith('.js')) for (const s of ['.ts', '.tsx']) if (files.has(base.slice(0, -3) + s)) return base.slice(0, -3) + s;
  return undefined;
}

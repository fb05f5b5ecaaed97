// The benchmark corpora, cached under bench/corpus/ (git-ignored):
//   node_modules/  the real packages of PERF.md, installed from the npm registry at pinned versions
//   real/          their chosen source folders copied out (so the CLI, the parse floor and ESLint see the same files)
//   peer/          ESLint 9 + typescript-eslint + eslint-plugin-security + eslint-plugin-no-secrets, and a flat config
//   chipchat-heavy/, workspace-2000/   generated bot code (generate.ts)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { DEFAULT_EXCLUDED_DIRS } from '../../rules/src/node/load-project';
import { isCodeFile } from '../../rules/src/parse';
import { GENERATOR_VERSION, generateBots, type GeneratedStats } from './generate';

export const REPO = join(__dirname, '..', '..');
export const CORPUS = join(REPO, 'bench', 'corpus');

/** The non-Web1on1 code of PERF.md: package → version and the folders taken from it. */
export const REAL_PACKAGES: Record<string, { version: string; folders: string[] }> = {
  express: { version: '5.3.0', folders: ['lib'] },
  got: { version: '14.6.5', folders: ['dist/source'] },
  axios: { version: '1.21.1', folders: ['lib'] },
  chipchat: { version: '0.7.4', folders: ['.'] },
  eslint: { version: '9.39.5', folders: ['lib'] },
  zod: { version: '4.6.7', folders: ['src'] },
};

/** The ESLint peer, pinned. typescript is typescript-eslint's peer (same major as ours). */
export const PEER_PACKAGES: Record<string, string> = {
  eslint: '9.39.5',
  '@eslint/js': '9.39.5',
  'typescript-eslint': '8.74.0',
  typescript: '6.0.2',
  'eslint-plugin-security': '4.1.0',
  'eslint-plugin-no-secrets': '2.3.3',
};

export interface CorpusInfo { dir: string; files: string[]; lines: number; bytes: number; apps?: number }

function log(line: string): void {
  process.stderr.write(line + '\n');
}

function installedVersion(prefix: string, name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(prefix, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function npmInstall(prefix: string, specs: string[]): void {
  mkdirSync(prefix, { recursive: true });
  log(`bench: npm install --prefix ${relative(REPO, prefix)} ${specs.join(' ')}`);
  const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', '--loglevel', 'error', ...specs], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm install into ${prefix} failed (exit ${r.status ?? r.signal})`);
}

/** Installs the packages (name → exact version) under prefix unless every one is there at that version. */
export function installPackages(prefix: string, packages: Record<string, string>): void {
  const missing = Object.entries(packages).filter(([n, v]) => installedVersion(prefix, n) !== v);
  if (missing.length) npmInstall(prefix, Object.entries(packages).map(([n, v]) => `${n}@${v}`));
}

/**
 * Copies the code files of `base/folder` (a folder or one file) to `dest`, keeping their paths relative to base.
 * A folder segment the CLI skips by default (`dist`, `coverage`) gets a `_` prefix so the copy is checked;
 * nested node_modules are left out.
 */
export function copyCodeFiles(base: string, folder: string, dest: string): void {
  const place = (p: string) => {
    const rel = relative(base, p).split('/').map((seg, i, all) => (i < all.length - 1 && DEFAULT_EXCLUDED_DIRS.has(seg) ? '_' + seg : seg));
    const to = join(dest, ...rel);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(p, to);
  };
  const copy = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      const st = statSync(p);
      if (st.isDirectory()) {
        if (entry !== 'node_modules') copy(p);
      } else if (st.isFile() && isCodeFile(p)) place(p);
    }
  };
  const from = join(base, folder);
  if (!existsSync(from)) throw new Error(`${relative(REPO, from)} does not exist in the installed package`);
  if (statSync(from).isDirectory()) copy(from);
  else place(from);
}

/** Code files under dir the way the CLI walks (default-excluded folders skipped, sorted, .d.ts not code). */
export function listCodeFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        if (!DEFAULT_EXCLUDED_DIRS.has(name)) walk(p);
      } else if (st.isFile() && isCodeFile(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function measure(dir: string, files: string[], apps?: number): CorpusInfo {
  let lines = 0;
  let bytes = 0;
  for (const f of files) {
    const t = readFileSync(f, 'utf8');
    bytes += Buffer.byteLength(t);
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) lines++;
    if (t.length && !t.endsWith('\n')) lines++;
  }
  return { dir, files, lines, bytes, apps };
}

/**
 * bench/corpus/real: the source folders of the real packages, copied out of node_modules so that all three
 * tools get the same files. A path segment the CLI skips by default (got's `dist`, chipchat's `coverage`)
 * gets a `_` prefix; a `.git` marker ends the CLI's upward search there (otherwise this repo's own
 * package.json, which depends on chipchat, would make the whole corpus one manifest-less app).
 */
export function prepareReal(): CorpusInfo {
  const dir = join(CORPUS, 'real');
  const stampPath = join(dir, '.bench-stamp.json');
  const stamp = JSON.stringify(REAL_PACKAGES);
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return measure(dir, listCodeFiles(dir));

  installPackages(CORPUS, Object.fromEntries(Object.entries(REAL_PACKAGES).map(([n, p]) => [n, p.version])));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '.git'), { recursive: true });
  for (const [name, pkg] of Object.entries(REAL_PACKAGES)) {
    for (const folder of pkg.folders) copyCodeFiles(join(CORPUS, 'node_modules', name), folder, join(dir, name));
  }
  writeFileSync(stampPath, stamp);
  return measure(dir, listCodeFiles(dir));
}

/** Generated bots, regenerated when the generator or the size changes. */
export function prepareGenerated(name: string, files: number, seed: number): CorpusInfo {
  const dir = join(CORPUS, name);
  const stampPath = join(dir, '.bench-stamp.json');
  const stamp = JSON.stringify({ GENERATOR_VERSION, files, seed });
  let stats: GeneratedStats | undefined;
  if (existsSync(stampPath)) {
    const s = JSON.parse(readFileSync(stampPath, 'utf8')) as { stamp: string; stats: GeneratedStats };
    if (s.stamp === stamp) stats = s.stats;
  }
  if (!stats) {
    log(`bench: generating ${name} (${files} files)`);
    stats = generateBots(dir, files, seed);
    writeFileSync(stampPath, JSON.stringify({ stamp, stats }));
  }
  return measure(dir, listCodeFiles(dir), stats.apps);
}

/** The ESLint peer under bench/corpus/peer, with a flat config for JS and TS files. */
export function preparePeer(): { dir: string; eslintBin: string; config: string } {
  const dir = join(CORPUS, 'peer');
  const missing = Object.entries(PEER_PACKAGES).filter(([n, v]) => installedVersion(dir, n) !== v);
  if (missing.length) npmInstall(dir, Object.entries(PEER_PACKAGES).map(([n, v]) => `${n}@${v}`));
  const config = join(dir, 'eslint.config.mjs');
  writeFileSync(config, ESLINT_CONFIG);
  return { dir, eslintBin: join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js'), config };
}

// JS files: espree (ESLint's default parser); TS files: typescript-eslint's parser and its recommended rules
// (no type information: the peer that would run per keystroke). Security and secret rules on both.
const ESLINT_CONFIG = `// Written by test/bench/corpus.ts: the ESLint peer of PERF.md.
import tseslint from 'typescript-eslint';
import security from 'eslint-plugin-security';
import noSecrets from 'eslint-plugin-no-secrets';

const JS = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx'];
const TS = ['**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];

export default [
  { files: JS, languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: c.files ?? TS })),
  { ...security.configs.recommended, files: [...JS, ...TS] },
  { files: [...JS, ...TS], plugins: { 'no-secrets': noSecrets }, rules: { 'no-secrets/no-secrets': 'error' } },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
];
`;

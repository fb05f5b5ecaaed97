import ignore, { type Ignore } from 'ignore';
import { Minimatch } from 'minimatch';
import patterns from '../../data/secret-patterns.json';
import { createAppRule, type AppRuleContext } from '../../src/rule';
import type { FileEdit, Fix } from '../../src/types';
import { fixTitle } from '../../src/fixes/title';

const compile = (globs: readonly string[]) => globs.map((g) => new Minimatch(g, { dot: true, nocase: true }));
const SECRET = compile(patterns.files.secret);
const NOT_SECRET = compile(patterns.files.notSecret);
const CERTIFICATE_NAMES = compile(patterns.files.certificateNames);
const matches = (globs: readonly Minimatch[], base: string) => globs.some((g) => g.match(base));

/** Ignore rules of one folder (a .gitignore or .npmignore), tested with paths relative to that folder. */
interface IgnoreFile { dir: string; rules: Ignore }

export default createAppRule({
  meta: {
    id: 'secrets-file-published',
    target: 'repository',
    description: 'Secret files (.env, private keys) that git would commit (not in .gitignore) or npm would publish with the package.',
    clauses: ['B.2'],
    severity: 'error',
    securitySeverity: 8,
    fixable: true,
    messages: {
      committed: '{{file}} holds secrets and is not covered by .gitignore: it gets committed, and everyone with access to the repository or its history gets the credentials',
      published: '{{file}} holds secrets and is shipped in the npm package ({{why}}): publishing the package publishes the credentials',
      both: '{{file}} holds secrets, is not covered by .gitignore and is shipped in the npm package ({{why}}): committing or publishing it hands out the credentials',
    },
  },
  check(context) {
    const root = context.app.root;
    const git = ignoreFiles(context, '.gitignore', ancestorsOf(root));
    const npm = npmPackage(context);
    for (const path of [...context.paths].sort()) {
      const rel = path.slice(root.length + 1);
      if (!isSecretFile(context, path, rel)) continue;
      const committed = !isIgnored(git, path);
      const published = npm ? npm.ships(path, rel) : undefined;
      if (!committed && !published) continue;
      const messageId = committed && published ? 'both' : committed ? 'committed' : 'published';
      const fix = ignoreFix(context, rel, committed, published ? npm : undefined);
      context.report({ file: path, start: 0, end: 0, messageId, data: { file: rel, why: published ?? '' }, fixes: fix ? [fix] : [] });
    }
  },
});

function isSecretFile(context: AppRuleContext, path: string, rel: string): boolean {
  if (rel.split('/').some((seg) => seg === 'node_modules' || seg === '.git')) return false;
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  if (!matches(SECRET, base) || matches(NOT_SECRET, base)) return false;
  const text = context.readFile(path);
  // a certificate or public key is not a secret; without the text, trust the name
  if (/\.(?:pem|key)$/i.test(base)) return text !== undefined ? /PRIVATE KEY/.test(text) : !matches(CERTIFICATE_NAMES, base);
  return true;
}

function ancestorsOf(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir.slice(0, dir.lastIndexOf('/')); d.length > 0; d = d.slice(0, d.lastIndexOf('/'))) out.unshift(d);
  return out;
}

/** Ignore files of the app (any depth) and of the folders above it, shallow to deep. */
function ignoreFiles(context: AppRuleContext, name: string, above: string[]): IgnoreFile[] {
  const out: IgnoreFile[] = [];
  const add = (dir: string) => {
    const text = context.readFile(`${dir}/${name}`);
    if (text !== undefined) out.push({ dir, rules: ignore().add(text) });
  };
  for (const d of above) add(d);
  const inApp = context.paths.filter((p) => p.endsWith(`/${name}`)).map((p) => p.slice(0, -name.length - 1));
  for (const d of inApp.sort((a, b) => a.length - b.length)) add(d);
  return out;
}

/**
 * git's precedence: deeper ignore files override shallower ones, the last matching rule wins, and a path
 * inside an ignored folder stays ignored whatever deeper rules say.
 */
function isIgnored(files: readonly IgnoreFile[], path: string): boolean {
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) {
    const dir = segments.slice(0, i).join('/');
    if (dir && verdict(files, dir + '/')) return true;
  }
  return verdict(files, path);
}

function verdict(files: readonly IgnoreFile[], path: string): boolean {
  let ignored = false;
  for (const f of files) {
    if (!path.startsWith(f.dir + '/')) continue;
    const rel = path.slice(f.dir.length + 1);
    if (!rel || rel === '/') continue;
    const r = f.rules.test(rel);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

interface NpmPackage {
  /** Why npm ships the file (for the message), or undefined when it does not. */
  ships(path: string, rel: string): string | undefined;
  npmignore: string | undefined;
}

/** npm's file selection for the app's package.json: `files` allow-list, else .npmignore, else .gitignore, per folder. */
function npmPackage(context: AppRuleContext): NpmPackage | undefined {
  const root = context.app.root;
  const text = context.readFile(`${root}/package.json`);
  if (text === undefined) return undefined;
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (pkg['private'] === true) return undefined;
  const npmignorePaths = new Set(context.paths.filter((p) => p.endsWith('/.npmignore')).map((p) => p.slice(0, -'/.npmignore'.length)));
  // per folder, npm reads .npmignore when there is one and .gitignore otherwise
  const perFolder: IgnoreFile[] = [];
  for (const dir of new Set(context.paths.filter((p) => p.endsWith('/.npmignore') || p.endsWith('/.gitignore')).map((p) => p.slice(0, p.lastIndexOf('/'))))) {
    const t = context.readFile(`${dir}/${npmignorePaths.has(dir) ? '.npmignore' : '.gitignore'}`);
    if (t !== undefined) perFolder.push({ dir, rules: ignore().add(t) });
  }
  perFolder.sort((a, b) => a.dir.length - b.dir.length);
  const files = Array.isArray(pkg['files']) ? (pkg['files'] as unknown[]).filter((f): f is string => typeof f === 'string') : undefined;
  const npmignore = npmignorePaths.has(root) ? context.readFile(`${root}/.npmignore`) : undefined;
  if (files) {
    const allow = ignore().add(files.map((f) => f.replace(/^\.?\//, '')));
    const nested = perFolder.filter((f) => f.dir !== root);
    // npm skips the root .npmignore when "files" is set, so the fix cannot go there
    return { npmignore: undefined, ships: (path, rel) => (allow.ignores(rel) && !isIgnored(nested, path) ? 'it matches the "files" allow-list of package.json' : undefined) };
  }
  const rootRules = perFolder.find((f) => f.dir === root);
  const why = npmignorePaths.has(root) ? 'package.json has no "files" allow-list and .npmignore does not exclude it; npm does not read .gitignore when .npmignore exists' : rootRules ? 'package.json has no "files" allow-list and no ignore file excludes it' : 'package.json has no "files" allow-list and there is no .npmignore';
  return { npmignore, ships: (path) => (isIgnored(perFolder, path) ? undefined : why) };
}

/** Adds the file to .gitignore (created when missing), and to .npmignore when that is what npm reads. */
function ignoreFix(context: AppRuleContext, rel: string, committed: boolean, npm: NpmPackage | undefined): Fix | undefined {
  const root = context.app.root;
  const line = rel;
  const edits: FileEdit[] = [];
  const creates: string[] = [];
  const append = (file: string, text: string | undefined) => {
    if (text === undefined) {
      edits.push({ file, start: 0, end: 0, newText: `${line}\n` });
      creates.push(file);
      return;
    }
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const sep = text.length === 0 || text.endsWith('\n') ? '' : eol;
    edits.push({ file, start: text.length, end: text.length, newText: `${sep}${line}${eol}` });
  };
  const gitignore = `${root}/.gitignore`;
  if (committed) append(gitignore, context.readFile(gitignore));
  if (npm) {
    // with .npmignore npm skips .gitignore; without it the .gitignore line above covers npm too
    if (npm.npmignore !== undefined) append(`${root}/.npmignore`, npm.npmignore);
    else if (!committed) return undefined; // a "files" allow-list entry includes it: the list needs a human edit
  }
  if (!edits.length) return undefined;
  const where = edits.map((e) => e.file.slice(root.length + 1)).join(' and ');
  return { description: fixTitle(`Add ${line} to ${where}`, `Add the file to ${where}`), edits, creates: creates.length ? creates : undefined, safe: false };
}

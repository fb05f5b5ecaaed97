// Reads one file as it was at a git ref, in-process (isomorphic-git over node:fs): the listing preview
// compares today's scopes with the last release without spawning `git` (Restricted Mode promises no
// processes, and a workspace's git config or hooks must never run). Loose and packed refs, annotated
// tags and packfiles all go through isomorphic-git's own readers.
import * as fs from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import * as git from 'isomorphic-git';
import semver from 'semver';

export interface Repo {
  /** The work tree (the folder holding `.git`). */
  dir: string;
  gitdir: string;
}

export type RefResult = { ok: true; label: string; oid: string } | { ok: false; reason: string };

/** isomorphic-git loads whole packfiles into memory: above this the comparison is skipped, not slow. */
export const MAX_PACK_BYTES = 256 * 1024 * 1024;
/** A manifest larger than this at the ref is not a manifest anyone reviews; it is not read. */
export const MAX_BLOB_BYTES = 4 * 1024 * 1024;

/** The repository whose work tree contains `start` (walking up), or undefined. */
export function findRepo(start: string): Repo | undefined {
  let dir = start;
  for (let i = 0; i < 64; i++) {
    const dotGit = join(dir, '.git');
    try {
      const st = fs.statSync(dotGit);
      if (st.isDirectory()) return { dir, gitdir: dotGit };
      if (st.isFile()) {
        // a linked worktree or submodule: ".git" is a file naming the real git dir
        const line = fs.readFileSync(dotGit, 'utf8').split(/\r?\n/).find((l) => l.startsWith('gitdir:'));
        const target = line?.slice('gitdir:'.length).trim();
        if (target) return { dir, gitdir: commonDir(absolute(dir, target)) };
      }
    } catch {
      // no .git here: go up
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

function absolute(dir: string, p: string): string {
  return /^([A-Za-z]:)?[\\/]/.test(p) ? p : join(dir, p);
}

/**
 * A linked worktree's git dir keeps only its HEAD; tags and objects live in the shared ("common") dir.
 * isomorphic-git knows no common dir, so the shared one is read: tags and commit ids resolve, and HEAD
 * is the main checkout's (a limitation the default — the latest tag — does not meet).
 */
function commonDir(gitdir: string): string {
  try {
    return absolute(gitdir, fs.readFileSync(join(gitdir, 'commondir'), 'utf8').trim());
  } catch {
    return gitdir;
  }
}

/** Why the repository is not read (too large for an in-memory reader), or undefined. */
export function repoProblem(repo: Repo): string | undefined {
  const packs = join(repo.gitdir, 'objects', 'pack');
  let total = 0;
  try {
    for (const f of fs.readdirSync(packs)) if (f.endsWith('.pack')) total += fs.statSync(join(packs, f)).size;
  } catch {
    return undefined; // no packs: loose objects only
  }
  return total > MAX_PACK_BYTES ? `the repository's packfiles are larger than ${MAX_PACK_BYTES / 1024 / 1024} MiB; Policy Lens does not read them in the editor` : undefined;
}

/**
 * The commit to compare with: `wanted` (a branch, tag, `HEAD`, or a commit id) when given, otherwise the
 * latest tag (highest semantic version, else the most recently committed tag), otherwise HEAD.
 */
export async function resolveCompareRef(repo: Repo, wanted?: string): Promise<RefResult> {
  const ref = wanted?.trim();
  if (ref) {
    const oid = await resolveAny(repo, ref);
    return oid ? { ok: true, label: ref, oid } : { ok: false, reason: `no branch, tag or commit named "${ref}" in this repository` };
  }
  const tag = await latestTag(repo);
  if (tag) return { ok: true, label: tag.name, oid: tag.oid };
  const head = await resolveAny(repo, 'HEAD');
  return head ? { ok: true, label: 'HEAD', oid: head } : { ok: false, reason: 'the repository has no commits yet' };
}

/** The text of `path` (absolute, inside the work tree) at commit `oid`; undefined when it did not exist. */
export async function readTextAt(repo: Repo, oid: string, path: string): Promise<string | undefined> {
  const filepath = relative(repo.dir, path).split(sep).join('/');
  if (!filepath || filepath.startsWith('../')) return undefined;
  try {
    const { blob } = await git.readBlob({ fs, gitdir: repo.gitdir, oid, filepath });
    if (blob.byteLength > MAX_BLOB_BYTES) return undefined;
    return Buffer.from(blob).toString('utf8');
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

async function resolveAny(repo: Repo, ref: string): Promise<string | undefined> {
  try {
    // commits only: an annotated tag is peeled to the commit it names
    return await commitOf(repo, await git.resolveRef({ fs, gitdir: repo.gitdir, ref }));
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  if (/^[0-9a-f]{4,40}$/i.test(ref)) {
    try {
      return await commitOf(repo, await git.expandOid({ fs, gitdir: repo.gitdir, oid: ref.toLowerCase() }));
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
  return undefined;
}

async function commitOf(repo: Repo, oid: string): Promise<string> {
  return (await git.readCommit({ fs, gitdir: repo.gitdir, oid })).oid;
}

async function latestTag(repo: Repo): Promise<{ name: string; oid: string } | undefined> {
  const names = await git.listTags({ fs, gitdir: repo.gitdir });
  const tags: { name: string; oid: string; time: number; version: string | null }[] = [];
  for (const name of names) {
    try {
      const c = await git.readCommit({ fs, gitdir: repo.gitdir, oid: await git.resolveRef({ fs, gitdir: repo.gitdir, ref: `refs/tags/${name}` }) });
      tags.push({ name, oid: c.oid, time: c.commit.committer.timestamp, version: semver.clean(name) });
    } catch {
      // a tag of a tree or blob names no release: skip it
    }
  }
  if (!tags.length) return undefined;
  const versioned = tags.filter((t) => t.version);
  if (versioned.length) return versioned.sort((a, b) => semver.rcompare(a.version!, b.version!))[0];
  return tags.sort((a, b) => b.time - a.time || a.name.localeCompare(b.name))[0];
}

function isNotFound(e: unknown): boolean {
  const code = (e as { code?: string } | undefined)?.code;
  return code === 'NotFoundError' || code === 'ObjectTypeError' || code === 'AmbiguousError' || code === 'InvalidRefNameError';
}

// The in-process git reader behind the permission impact, on throw-away repositories made here with the
// git CLI (tests may run git; the product never does): loose and packed refs, annotated and lightweight
// tags, packfiles with no loose objects left, a manifest in a subfolder, and the ways it says "no".
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { findRepo, readTextAt, resolveCompareRef, type Repo } from '../../server/lsp/listing/git';
import { compareScopes, declaredScopeNames } from '../../server/lsp/listing/impact';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'policy-lens-git-')).replace(/\\/g, '/');
  dirs.push(d);
  return d;
}

let tick = 0;
function git(cwd: string, ...args: string[]): string {
  // fixed identities and strictly increasing dates: tag order by time is deterministic
  const date = `2026-01-01T00:00:${String(tick++).padStart(2, '0')}Z`;
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t.nl', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t.nl', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd };
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, env, encoding: 'utf8' }).trim();
}

const manifest = (...scopes: string[]) => JSON.stringify({ name: 'Bot', scopes: scopes.map((scope) => ({ scope, reason: 'because' })) }, null, 2) + '\n';

/** A repo with the app in `app/`: v0.9.0 (lightweight) → v1.0.0 (annotated) → nightly (newest, not semver) → HEAD. */
function makeRepo(): { dir: string; repo: Repo; file: string; oids: Record<string, string> } {
  const dir = tempDir();
  git(dir, 'init', '-q');
  mkdirSync(join(dir, 'app'));
  const file = `${dir}/app/web1on1-app.json`;
  writeFileSync(join(dir, 'README.md'), 'hi\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'no manifest yet');
  const first = git(dir, 'rev-parse', 'HEAD');
  writeFileSync(file, manifest('messages:read'));
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'v0.9');
  git(dir, 'tag', 'v0.9.0');
  writeFileSync(file, manifest('messages:read', 'messages:consumer'));
  git(dir, 'commit', '-q', '-am', 'v1.0');
  git(dir, 'tag', '-a', 'v1.0.0', '-m', 'release 1.0.0');
  const v1 = git(dir, 'rev-parse', 'HEAD');
  writeFileSync(file, manifest('messages:read', 'messages:consumer', 'users:read'));
  git(dir, 'commit', '-q', '-am', 'nightly');
  git(dir, 'tag', 'nightly');
  writeFileSync(file, manifest('contacts:read', 'messages:consumer', 'users:read'));
  git(dir, 'commit', '-q', '-am', 'head');
  return { dir, repo: findRepo(`${dir}/app`)!, file, oids: { first, v1, head: git(dir, 'rev-parse', 'HEAD') } };
}

async function scopesAt(repo: Repo, ref: string | undefined, file: string): Promise<{ label: string; scopes: string[] | undefined }> {
  const r = await resolveCompareRef(repo, ref);
  assert.ok(r.ok, `resolves ${ref}: ${r.ok ? '' : r.reason}`);
  const text = await readTextAt(repo, r.oid, file);
  return { label: r.label, scopes: text === undefined ? undefined : declaredScopeNames(file, text) };
}

describe('git reader (in-process, isomorphic-git)', () => {
  const { dir, repo, file, oids } = makeRepo();

  it('finds the repository from a subfolder of the work tree', () => {
    assert.equal(repo.dir, dir);
    assert.equal(repo.gitdir, join(dir, '.git'));
    assert.equal(findRepo(tempDir()), undefined);
  });

  it('defaults to the highest semantic-version tag (annotated, peeled to its commit), not the newest tag', async () => {
    const r = await resolveCompareRef(repo);
    assert.deepEqual(r, { ok: true, label: 'v1.0.0', oid: oids.v1 });
    assert.deepEqual((await scopesAt(repo, undefined, file)).scopes, ['messages:read', 'messages:consumer']);
  });

  it('reads an explicit branch, HEAD, lightweight tag or short commit id', async () => {
    assert.deepEqual((await scopesAt(repo, 'HEAD', file)).scopes, ['contacts:read', 'messages:consumer', 'users:read']);
    assert.deepEqual((await scopesAt(repo, 'main', file)).scopes, ['contacts:read', 'messages:consumer', 'users:read']);
    assert.deepEqual((await scopesAt(repo, 'v0.9.0', file)).scopes, ['messages:read']);
    assert.deepEqual((await scopesAt(repo, 'nightly', file)).scopes, ['messages:read', 'messages:consumer', 'users:read']);
    assert.deepEqual((await scopesAt(repo, oids.v1.slice(0, 8), file)).scopes, ['messages:read', 'messages:consumer']);
  });

  it('says when the manifest did not exist at the ref, and when a ref is unknown', async () => {
    assert.equal((await scopesAt(repo, oids.first, file)).scopes, undefined);
    const r = await resolveCompareRef(repo, 'v9.9.9');
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.reason, /no branch, tag or commit named "v9\.9\.9"/);
    assert.equal(await readTextAt(repo, oids.head, '/elsewhere/web1on1-app.json'), undefined, 'a path outside the work tree is not read');
  });

  it('works on packed refs and packfiles with no loose objects left', async () => {
    git(dir, 'gc', '-q', '--prune=now');
    git(dir, 'pack-refs', '--all', '--prune');
    const objects = readdirSync(join(dir, '.git', 'objects')).filter((d) => /^[0-9a-f]{2}$/.test(d));
    assert.deepEqual(objects, [], 'no loose objects');
    assert.deepEqual(readdirSync(join(dir, '.git', 'refs', 'tags')), [], 'no loose tag refs');
    assert.deepEqual(await resolveCompareRef(repo), { ok: true, label: 'v1.0.0', oid: oids.v1 });
    assert.deepEqual((await scopesAt(repo, 'v0.9.0', file)).scopes, ['messages:read']);
    assert.deepEqual((await scopesAt(repo, 'HEAD', file)).scopes, ['contacts:read', 'messages:consumer', 'users:read']);
  });

  it('a linked worktree (".git" is a file) reads the shared tags and objects', async () => {
    const wt = join(tempDir(), 'wt');
    git(dir, 'worktree', 'add', '-q', wt, 'v0.9.0');
    const r = findRepo(join(wt, 'app'))!;
    assert.equal(r.dir, wt);
    assert.equal(r.gitdir, join(dir, '.git'));
    assert.deepEqual((await scopesAt(r, undefined, `${wt}/app/web1on1-app.json`)).scopes, ['messages:read', 'messages:consumer']);
  });

  it('without tags compares with HEAD; without commits says so', async () => {
    const d = tempDir();
    git(d, 'init', '-q');
    assert.deepEqual(await resolveCompareRef(findRepo(d)!), { ok: false, reason: 'the repository has no commits yet' });
    writeFileSync(join(d, 'web1on1-app.json'), manifest('forms:read'));
    git(d, 'add', '.');
    git(d, 'commit', '-q', '-m', 'one');
    assert.deepEqual(await scopesAt(findRepo(d)!, undefined, `${d}/web1on1-app.json`), { label: 'HEAD', scopes: ['forms:read'] });
  });

  it('with only non-version tags, the most recently committed one is the latest', async () => {
    const d = tempDir();
    git(d, 'init', '-q');
    writeFileSync(join(d, 'web1on1-app.json'), manifest('forms:read'));
    git(d, 'add', '.');
    git(d, 'commit', '-q', '-m', 'one');
    git(d, 'tag', 'zzz-old');
    git(d, 'commit', '-q', '--allow-empty', '-m', 'two');
    git(d, 'tag', 'aaa-new');
    const r = await resolveCompareRef(findRepo(d)!);
    assert.equal(r.ok && r.label, 'aaa-new');
  });
});

describe('permission impact', () => {
  it('lists scopes added and dropped, each with its personal-data class in words', () => {
    const { added, dropped } = compareScopes(['contacts:read', 'messages:consumer', 'made:up'], ['messages:read', 'messages:consumer']);
    assert.deepEqual(added.map((a) => [a.scope, a.personalData]), [['contacts:read', 'consumer'], ['made:up', 'unknown']]);
    assert.equal(added[0]!.text, 'read your contacts (consumers’ names, phone numbers and e-mail addresses)');
    assert.equal(added[0]!.personalDataText, 'consumers’ personal data');
    assert.deepEqual(dropped.map((d) => d.scope), ['messages:read']);
  });

  it('reads string and object scope entries, and nothing from text that is not a manifest object', () => {
    assert.deepEqual(declaredScopeNames('/a/web1on1-app.json', '{"scopes":["users:read",{"scope":"kb:read"},"users:read"]}'), ['users:read', 'kb:read']);
    assert.deepEqual(declaredScopeNames('/a/web1on1-app.json', '{"scopes": ['), []);
    assert.deepEqual(declaredScopeNames('/a/web1on1-app.json', '[]'), []);
  });
});

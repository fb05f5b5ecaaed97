// The pre-commit hook (.pre-commit-hooks.yaml) run as the pre-commit framework runs it: the packed npm package
// installed (what `language: node` does with this repository), the staged files filtered by the hook's
// `files` pattern, and its `entry` run from the repository root when one matches (without the file names:
// `pass_filenames: false`, since app-wide rules need the whole app).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { installInto, packPolicyLens } from '../support/npm-pack';
import { REPO } from '../support/rule-folders';

const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown };
interface Hook { id: string; name: string; description?: string; entry: string; language: string; files: string; exclude?: string; require_serial?: boolean; pass_filenames?: boolean }

const hooks = yaml.load(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'policy-lens')!;
const tmp = mkdtempSync(join(tmpdir(), 'policy-lens-hook-'));
const env = join(tmp, 'hook-env');
const repo = join(tmp, 'dealer-app');
after(() => rmSync(tmp, { recursive: true, force: true }));

const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });

/** What pre-commit does on `git commit`: runs the entry when a staged file matches the hook. */
function runHook(): { files: string[]; code: number | null; stdout: string; stderr: string } {
  // pre-commit's own listing: git diff --staged --name-only --diff-filter=ACMRTUXB
  const staged = git('diff', '--staged', '--name-only', '--diff-filter=ACMRTUXB').split('\n').filter(Boolean);
  const include = new RegExp(hook.files);
  const exclude = new RegExp(hook.exclude ?? '^$');
  const files = staged.filter((f) => include.test(f) && !exclude.test(f));
  if (!files.length) return { files, code: 0, stdout: '', stderr: '' };
  const [cmd, ...args] = hook.entry.split(' ');
  const r = spawnSync(cmd!, [...args, ...(hook.pass_filenames === false ? [] : files)], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PATH: join(env, 'node_modules', '.bin') + delimiter + process.env['PATH'] } });
  return { files, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('.pre-commit-hooks.yaml', () => {
  before(() => {
    installInto(env, packPolicyLens(join(tmp, 'pack')).tarball);
    cpSync(join(REPO, 'examples', 'service-reminder-bot-compliant'), repo, { recursive: true });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'compliant bot');
  });

  it('declares one node hook that runs policy-lens check on the whole repository, one run at a time', () => {
    assert.equal(hooks.length, 1);
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'policy-lens check');
    assert.equal(hook.pass_filenames, false);
    assert.equal(hook.require_serial, true);
    assert.match(hook.description ?? '', /not made or endorsed by Web1on1/i);
  });

  it('matches JS/TS files and the manifest, nothing else', () => {
    const re = new RegExp(hook.files);
    for (const f of ['src/bot.js', 'a.cjs', 'lib/x.mjs', 'src/App.jsx', 'src/a.ts', 'src/a.mts', 'src/a.cts', 'src/View.tsx', 'web1on1-app.json', 'apps/tyres/web1on1-app.json']) assert.ok(re.test(f), f);
    for (const f of ['README.md', 'package.json', 'my-web1on1-app.json', 'web1on1-app.json.bak', 'src/bot.json', 'types.d.ts.map']) assert.ok(!re.test(f), f);
  });

  it('does not run when no JS/TS file or manifest is staged', () => {
    writeFileSync(join(repo, 'NOTES.md'), 'reminder wording agreed with the dealers\n');
    git('add', 'NOTES.md');
    const r = runHook();
    assert.deepEqual(r.files, []);
    assert.equal(r.stdout, '');
    git('commit', '-q', '-m', 'notes');
  });

  it('lets a clean change through, without the false "scope unused" a check of the staged file alone would give', () => {
    writeFileSync(join(repo, 'src', 'store.js'), readFileSync(join(repo, 'src', 'store.js'), 'utf8') + '\n// reminders are kept for 30 days\n');
    git('add', '.');
    const r = runHook();
    assert.deepEqual(r.files, ['src/store.js']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^No findings in 4 file\(s\)/m);
    git('commit', '-q', '-m', 'clean change');
  });

  it('stops a commit that adds a hard-coded token, citing the clause', () => {
    const bot = join(repo, 'src', 'store.js');
    writeFileSync(bot, readFileSync(bot, 'utf8') + "\nconst apiToken = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZWFsZXItYXBwIn0.c2lnbmF0dXJlLW9mLXRoZS1kZWFsZXItYXBw';\nmodule.exports.apiToken = apiToken;\n");
    git('add', 'src/store.js');
    const r = runHook();
    assert.deepEqual(r.files, ['src/store.js']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /src\/store\.js/);
    assert.match(r.stdout, /error\s+\[B\.2\] Hard-coded/);
    assert.match(r.stdout, /hardcoded-credential/);
  });
});

// The npm package as a user gets it: `npm pack` of the built bundles, what the tarball holds and weighs, then
// an offline install into an empty folder and the installed `policy-lens` bin and language server at work.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../server/lsp-client';
import { installInto, npmEnv, packPolicyLens, type Packed } from '../support/npm-pack';
import { REPO, ruleFolders } from '../support/rule-folders';

const MAX_PACKED_BYTES = 4_000_000;
const BUNDLES = ['dist/cli.js', 'dist/index-worker.js', 'dist/server-core.js', 'dist/server.js', 'dist/typescript.js'];

const tmp = mkdtempSync(join(tmpdir(), 'policy-lens-npm-'));
const project = join(tmp, 'dealer-app');
let packed: Packed;
after(() => rmSync(tmp, { recursive: true, force: true }));

function npx(args: string[]) {
  const r = spawnSync('npx', ['--no-install', 'policy-lens', ...args], { cwd: project, env: { ...npmEnv(), NO_COLOR: '1' }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm package', () => {
  before(() => {
    packed = packPolicyLens(join(tmp, 'pack'));
  });

  it(`packs to at most ${MAX_PACKED_BYTES / 1e6} MB`, () => {
    assert.ok(packed.size <= MAX_PACKED_BYTES, `the tarball is ${(packed.size / 1e6).toFixed(2)} MB`);
  });

  it('holds the bundles, schemas, rule docs and README/LICENSE/CHANGELOG, and nothing else', () => {
    const docs = ruleFolders().map((f) => `rules/${f.group}/${f.id}/${f.id}.md`);
    const expected = [...BUNDLES, ...docs, 'rules/schema/policylens.schema.json', 'rules/schema/web1on1-app.schema.json', 'CHANGELOG.md', 'LICENSE', 'README.md', 'package.json'].sort();
    assert.deepEqual(packed.files, expected);
    assert.deepEqual(packed.files.filter((f) => /(^|\/)(test|cases|fixtures|bench|examples|media)\/|\.map$|\.ts$/.test(f)), []);
  });

  it('declares no runtime dependency: the bundles carry them', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; bin: Record<string, string> };
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), []);
    assert.deepEqual(pkg.bin, { 'policy-lens': 'dist/cli.js' });
  });

  describe('installed offline into an empty project', () => {
    before(() => installInto(project, packed.tarball));

    it('installs policy-lens alone', () => {
      assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['policy-lens']);
    });

    it('`npx policy-lens --version` prints the package version', () => {
      const r = npx(['--version']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim(), (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version);
    });

    it('`npx policy-lens check` on the sample app exits 1 with clause-citing findings', () => {
      cpSync(join(REPO, 'examples', 'service-reminder-bot'), join(project, 'bot'), { recursive: true });
      const r = npx(['check', 'bot']);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /bot\/src\/bot\.js/);
      assert.match(r.stdout, /error\s+\[B\.2\] Hard-coded JWT/);
      assert.match(r.stdout, /hardcoded-credential/);
      assert.match(r.stdout, /\d+ finding\(s\): \d+ error\(s\)/);
    });

    it('reads the rule docs from the package (SARIF help, explain)', () => {
      const sarif = npx(['check', 'bot', '--format', 'sarif', '--fail-on', 'never']);
      assert.equal(sarif.code, 0, sarif.stderr);
      const rules = (JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: { id: string; help?: { markdown: string } }[] } } }[] }).runs[0]!.tool.driver.rules;
      const rule = rules.find((x) => x.id === 'hardcoded-credential');
      assert.equal(rule?.help?.markdown, readFileSync(join(REPO, 'rules', 'code', 'hardcoded-credential', 'hardcoded-credential.md'), 'utf8'));
      const explain = npx(['explain', 'webhook-unverified']);
      assert.equal(explain.code, 0, explain.stderr);
      assert.match(explain.stdout, /^# webhook-unverified\n/);
    });

    it('the language server answers over stdio and checks a file', async () => {
      const client = new LspClient([], process.env, join(project, 'node_modules', 'policy-lens', 'dist', 'server.js'));
      try {
        const root = join(project, 'bot');
        await client.initialize(root);
        const file = join(root, 'src', 'bot.js');
        client.open(file);
        const diags = await client.pushedFor(file, (d) => d.some((x) => x.code === 'hardcoded-credential'));
        assert.ok(diags.some((d) => String(d.message).includes('[B.2]')));
      } finally {
        await client.stop();
      }
    });
  });
});

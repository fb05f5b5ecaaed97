// `--format gitlab`: GitLab's Code Quality report, checked against a schema written from GitLab's documented
// fields (test/support/gitlab-codequality.schema.json), with the fingerprints GitLab compares between branches.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import { REPO } from '../support/rule-folders';

const CLI = join(REPO, 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'policy-lens-gitlab-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Issue { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number; end: number } } }
interface JsonFinding { ruleId: string; severity: string; message: string; file: string; line: number; endLine: number; suppressed: boolean }

const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(REPO, 'test', 'support', 'gitlab-codequality.schema.json'), 'utf8')));

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function report(cwd: string, extra: string[] = []): Issue[] {
  const r = cli(['check', '.', '--format', 'gitlab', ...extra], cwd);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const issues = JSON.parse(r.stdout) as Issue[];
  assert.ok(validate(issues), JSON.stringify(validate.errors?.slice(0, 3)));
  return issues;
}

function sampleApp(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(REPO, 'examples', 'service-reminder-bot'), dir, { recursive: true });
  return dir;
}

describe('--format gitlab (Code Quality report)', () => {
  it('lists every open finding with its rule, GitLab severity, relative path and lines', () => {
    const dir = sampleApp('sample');
    const issues = report(dir);
    const findings = (JSON.parse(cli(['check', '.', '--format', 'json'], dir).stdout) as { findings: JsonFinding[] }).findings.filter((f) => !f.suppressed);
    assert.ok(issues.length > 10);
    assert.equal(issues.length, findings.length);
    const severity = { error: 'major', warning: 'minor', info: 'info' } as Record<string, string>;
    findings.forEach((f, i) => {
      assert.deepEqual(issues[i]!.location, { path: f.file, lines: { begin: f.line, end: f.endLine } });
      assert.equal(issues[i]!.check_name, f.ruleId);
      assert.equal(issues[i]!.description, f.message);
      assert.equal(issues[i]!.severity, severity[f.severity]);
    });
    assert.ok(issues.some((x) => x.check_name === 'hardcoded-credential' && x.severity === 'major' && x.location.path === 'src/bot.js' && x.description.startsWith('[B.2] ')));
  });

  it('the schema rejects what GitLab would not read', () => {
    const good: Issue = { description: 'd', check_name: 'c', fingerprint: 'f', severity: 'major', location: { path: 'src/a.js', lines: { begin: 1, end: 1 } } };
    assert.ok(validate([good]));
    assert.ok(!validate([{ ...good, severity: 'error' }]));
    assert.ok(!validate([{ ...good, fingerprint: undefined }]));
    assert.ok(!validate([{ ...good, location: { path: '/abs/a.js', lines: { begin: 1, end: 1 } } }]));
    assert.ok(!validate([{ ...good, location: { path: 'a.js' } }]));
  });

  it('fingerprints are unique, also for identical lines, and survive an edit above the finding', () => {
    const dir = join(tmp, 'twins');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'web1on1-app.json'), JSON.stringify({ name: 'Tyre Check Bot', version: '1.0.0', privacyPolicyUrl: 'https://tyrecheck.nl/privacy' }, null, 2) + '\n');
    const agent = 'agents.push(new https.Agent({ rejectUnauthorized: false }));\n';
    const code = `const https = require('https');\n\nconst agents = [];\n${agent}${agent}module.exports = agents;\n`;
    writeFileSync(join(dir, 'src', 'agents.js'), code);
    const before = report(dir);
    const twins = before.filter((x) => x.check_name === 'security-control-disabled');
    assert.equal(twins.length, 2);
    assert.equal(new Set(before.map((x) => x.fingerprint)).size, before.length);
    writeFileSync(join(dir, 'src', 'agents.js'), `// TLS agents for the dealer APIs\n\n${code}`);
    const after = report(dir).filter((x) => x.check_name === 'security-control-disabled');
    assert.deepEqual(after.map((x) => x.location.lines.begin), twins.map((x) => x.location.lines.begin + 2));
    assert.deepEqual(after.map((x) => x.fingerprint), twins.map((x) => x.fingerprint));
  });

  it('leaves suppressed findings out (a baseline accepts them all: an empty report)', () => {
    const dir = sampleApp('baselined');
    assert.equal(cli(['check', '.', '--baseline', 'baseline.json', '--update-baseline', '--fail-on', 'never'], dir).code, 0);
    const r = cli(['check', '.', '--format', 'gitlab', '--baseline', 'baseline.json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });
});

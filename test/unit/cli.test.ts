// The real CLI bundle (dist/cli.js, built by `npm test`) on temporary apps: exit codes, formats, fixes,
// baselines, stdin, bindings, and errors that are one clear line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { REPO } from '../support/rule-folders';

const CLI = join(REPO, 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'policy-lens-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function app(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

function run(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MANIFEST = JSON.stringify({ name: 'Tyre Check Bot', version: '1.0.0', privacyPolicyUrl: 'https://tyrecheck.nl/privacy' }, null, 2) + '\n';
const TLS_BOT = `const https = require('https');\n\nconst agent = new https.Agent({ rejectUnauthorized: false });\nmodule.exports = agent;\n`;

describe('policy-lens CLI', () => {
  it('exits 1 on an error finding and prints clause-citing text', () => {
    const dir = app('tls', { 'web1on1-app.json': MANIFEST, 'src/agent.js': TLS_BOT });
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /src\/agent\.js/);
    assert.match(r.stdout, /3:\d+\s+error\s+\[C\.4\] TLS certificate verification is switched off/);
    assert.match(r.stdout, /security-control-disabled/);
  });

  it('--fail-on never exits 0; --fail-on warning and --max-warnings count warnings', () => {
    const dir = join(tmp, 'tls');
    assert.equal(run(['check', '.', '--fail-on', 'never'], dir).code, 0);
    const clean = app('clean', { 'web1on1-app.json': MANIFEST, 'src/ok.js': 'module.exports = 1;\n' });
    const json = JSON.parse(run(['check', '.', '--format', 'json', '--fail-on', 'never'], clean).stdout);
    const warnings = json.summary.warnings as number;
    assert.equal(run(['check', '.', '--fail-on', 'never', '--max-warnings', String(warnings)], clean).code, 0);
    if (warnings > 0) assert.equal(run(['check', '.', '--fail-on', 'never', '--max-warnings', String(warnings - 1)], clean).code, 1);
  });

  it('--format json follows the contract: relative paths, 1-based positions, summary', () => {
    const r = run(['check', '.', '--format', 'json'], join(tmp, 'tls'));
    const out = JSON.parse(r.stdout);
    assert.equal(typeof out.version, 'string');
    assert.equal(typeof out.policyVersion, 'string');
    const f = out.findings.find((x: { ruleId: string }) => x.ruleId === 'security-control-disabled');
    assert.deepEqual([f.file, f.line, f.column, f.severity, f.clauses, f.suppressed, f.fixable], ['src/agent.js', 3, 33, 'error', ['C.4'], false, true]);
    assert.ok(f.endColumn > f.column);
    assert.ok(out.summary.errors >= 1 && out.summary.files === 1 && typeof out.summary.durationMs === 'number');
  });

  it('--format sarif validates against the SARIF 2.1.0 schema; a broken log does not', () => {
    const r = run(['check', '.', '--format', 'sarif'], join(tmp, 'tls'));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a SARIF log is read field by field below
    const log: any = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const valid: boolean = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 3)));
    const run0 = log.runs[0];
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'security-control-disabled');
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'src/agent.js');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 3);
    assert.ok(result.partialFingerprints['policyLens/v1']);
    assert.ok(result.fixes[0].artifactChanges[0].replacements.length > 0);
    const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'security-control-disabled');
    assert.deepEqual(rule.properties.clauses, ['C.4']);
    assert.ok(rule.properties.tags.includes('C.4'));
    assert.match(rule.properties['security-severity'], /^\d+\.\d$/);
    assert.match(rule.help.markdown, /# security-control-disabled/);
    assert.ok(run0.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file://'));
    // the validator is not a rubber stamp: a log with a wrong level and no message fails
    const bad: any = structuredClone(log);
    bad.runs[0].results[0].level = 'fatal';
    delete bad.runs[0].results[0].message;
    assert.equal(validate(bad), false);
  });

  it('a broken .policylens.json is a configuration error: exit 2, one line, nothing on stdout', () => {
    const dir = app('badconfig', { 'web1on1-app.json': MANIFEST, '.policylens.json': '{ "rules": { "nope": "error" ', 'a.js': 'x;\n' });
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /\.policylens\.json:1: invalid JSON/);
    const unknown = app('unknownrule', { '.policylens.json': '{ "rules": { "no-such-rule": "error" } }', 'a.js': 'x;\n' });
    const r2 = run(['check', '.'], unknown);
    assert.equal(r2.code, 2);
    assert.match(r2.stderr, /unknown rule "no-such-rule"/);
    assert.doesNotMatch(r2.stderr, /\n\s+at /, 'no stack trace');
  });

  it('usage errors exit 2', () => {
    assert.equal(run(['check', '--format', 'xml'], tmp).code, 2);
    assert.equal(run(['check', '--bogus'], tmp).code, 2);
    assert.equal(run(['frobnicate'], tmp).code, 2);
    assert.equal(run(['check', 'does-not-exist'], tmp).code, 2);
  });

  it('--stdin checks the text as the named file', () => {
    const dir = join(tmp, 'tls');
    const r = run(['check', '--stdin', '--stdin-filename', 'src/other.js', '--format', 'json'], dir, TLS_BOT.replace('false', 'false, keepAlive: true'));
    const out = JSON.parse(r.stdout);
    assert.ok(out.findings.some((f: { file: string; ruleId: string }) => f.file === 'src/other.js' && f.ruleId === 'security-control-disabled'));
    assert.equal(r.code, 1);
  });

  it('--fix writes the fixes and reports what is left', () => {
    const dir = app('fixme', { 'web1on1-app.json': MANIFEST, 'src/agent.js': TLS_BOT });
    const r = run(['check', '.', '--fix', '--format', 'json'], dir);
    assert.match(readFileSync(join(dir, 'src/agent.js'), 'utf8'), /rejectUnauthorized: true/);
    const out = JSON.parse(r.stdout);
    assert.ok(!out.findings.some((f: { ruleId: string }) => f.ruleId === 'security-control-disabled'));
  });

  it('never echoes a secret: every format shows at most a masked prefix of a hard-coded token and of a logged one', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJib3QtNDIiLCJvcmciOiJnYXJhZ2UifQ.c2lnbmF0dXJlLW9mLXRoZS1ib3QtdG9rZW4';
    const key = 'sk_live_4eC39HqLyjWDarjtT1zdp7dcQx9Yk2Lm';
    const bot = `const ChipChat = require('chipchat');\nconst bot = new ChipChat({ token: '${jwt}' });\nconst stripeKey = '${key}';\nconsole.log('key', '${key}');\nmodule.exports = { bot, stripeKey };\n`;
    const dir = app('secrets', { 'web1on1-app.json': MANIFEST, 'package.json': '{ "name": "s", "dependencies": { "chipchat": "^0.7.4" } }\n', 'src/bot.js': bot });
    const outputs = ['text', 'json', 'sarif', 'gitlab', 'markdown', 'html'].map((format) => run(['check', '.', '--format', format, '--summary', 'summary.md'], dir));
    outputs.push(run(['report', '.', '--now', '2026-12-07'], dir));
    const all = outputs.map((r) => r.stdout + r.stderr).join('\n') + readFileSync(join(dir, 'summary.md'), 'utf8');
    assert.match(all, /hardcoded-credential/, 'the token is found');
    // the parts that identify these secrets (every HS256 JWT starts with the same header, which rule docs show)
    const [, payload, signature] = jwt.split('.');
    for (const part of [payload!.slice(0, 12), signature!.slice(-12), key.slice(8, 20), key.slice(-12)]) {
      assert.ok(!all.includes(part), `"${part}" of a secret was echoed`);
    }
  });

  it('--fix applies only safe fixes; --fix-unsafe also the ones that change behaviour', () => {
    // http to a host not known to serve https: "Use https://" exists but is not safe, so --fix leaves it
    const CRM = `const axios = require('axios');\n\nmodule.exports = (lead) => axios.post('http://crm.example-dealer-tools.nl/leads', { id: lead.id });\n`;
    const files = { 'web1on1-app.json': MANIFEST, 'src/agent.js': TLS_BOT, 'src/crm.js': CRM };
    const safe = app('fix-safe', files);
    run(['check', '.', '--fix'], safe);
    assert.match(readFileSync(join(safe, 'src/agent.js'), 'utf8'), /rejectUnauthorized: true/);
    assert.equal(readFileSync(join(safe, 'src/crm.js'), 'utf8'), CRM);
    const all = app('fix-unsafe', files);
    run(['check', '.', '--fix-unsafe'], all);
    assert.match(readFileSync(join(all, 'src/crm.js'), 'utf8'), /'https:\/\/crm\.example-dealer-tools\.nl\/leads'/);
  });

  it('a baseline accepts known findings and lists stale entries', () => {
    const dir = app('baseline', { 'web1on1-app.json': MANIFEST, 'src/agent.js': TLS_BOT });
    assert.equal(run(['check', '.', '--baseline', 'baseline.json', '--update-baseline'], dir).code, 0);
    assert.ok(existsSync(join(dir, 'baseline.json')));
    const r = run(['check', '.', '--baseline', 'baseline.json', '--format', 'json'], dir);
    assert.equal(r.code, 0);
    assert.ok(JSON.parse(r.stdout).summary.suppressed >= 1);
    writeFileSync(join(dir, 'src/agent.js'), 'module.exports = 1;\n');
    const stale = run(['check', '.', '--baseline', 'baseline.json'], dir);
    assert.match(stale.stdout + stale.stderr, /Baseline entry matches nothing/);
  });

  it('--print-bindings binds each file to its nearest manifest', () => {
    const dir = app('mono', {
      'apps/a/web1on1-app.json': MANIFEST,
      'apps/a/bot.js': "const util = require('../../shared/util');\n",
      'apps/b/web1on1-app.json': MANIFEST,
      'apps/b/bot.js': 'x;\n',
      'shared/util.js': 'module.exports = {};\n',
      'tools/script.js': 'x;\n',
    });
    const r = run(['check', '.', '--print-bindings'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /apps\/a\/bot\.js -> apps\/a\/web1on1-app\.json/);
    assert.match(r.stdout, /apps\/b\/bot\.js -> apps\/b\/web1on1-app\.json/);
    assert.match(r.stdout, /shared\/util\.js -> apps\/a\/web1on1-app\.json \(imported by the app\)/);
    assert.match(r.stdout, /tools\/script\.js -> \(no app: code rules only\)/);
  });

  it('a malformed manifest is a finding, not a crash, and code rules still run', () => {
    const dir = app('brokenmanifest', { 'web1on1-app.json': '{ "name": "x", ', 'src/agent.js': TLS_BOT });
    const r = run(['check', '.', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.ok(out.findings.some((f: { ruleId: string }) => f.ruleId === 'security-control-disabled'));
  });

  it('report prints a status per clause and never says "passed"', () => {
    const r = run(['report', '.'], join(tmp, 'tls'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /not made, reviewed or endorsed by Web1on1/);
    assert.match(r.stdout, /\| C\.4 \| findings \|/);
    assert.match(r.stdout, /\| A\.1 \| not attested \|/);
    assert.match(r.stdout, /no findings \(\d+ rules? over 1 file\)/);
    assert.doesNotMatch(r.stdout, /passed/i);
  });

  it('explain and rules describe the catalog', () => {
    const e = run(['explain', 'security-control-disabled'], tmp);
    assert.equal(e.code, 0);
    assert.match(e.stdout, /## Why C\.4/);
    const c = run(['explain', 'B.6'], tmp);
    assert.match(c.stdout, /only ask Customers for permissions/);
    const rules = JSON.parse(run(['rules', '--format', 'json'], tmp).stdout);
    assert.ok(rules.rules.some((r: { id: string; clauses: string[] }) => r.id === 'security-control-disabled' && r.clauses[0] === 'C.4'));
    assert.equal(run(['explain', 'Z.9'], tmp).code, 2);
  });
});

describe('policy-lens init', () => {
  it('writes a manifest with the scopes the code uses, and refuses to overwrite one', () => {
    const dir = app('init', {
      'package.json': JSON.stringify({ name: '@garage/tyre-bot', version: '2.1.0', dependencies: { chipchat: '^0.7.4' } }),
      'bot.js': "const ChipChat = require('chipchat');\nconst bot = new ChipChat({ token: process.env.TOKEN });\nbot.on('message.create.contact.chat', (m, ctx) => ctx.say({ text: 'Hi!', role: 'agent' }));\nbot.contacts.list({ limit: 10 });\n",
    });
    const r = run(['init', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    const manifest = JSON.parse(readFileSync(join(dir, 'web1on1-app.json'), 'utf8'));
    assert.equal(manifest.name, 'Tyre Bot');
    assert.equal(manifest.version, '2.1.0');
    assert.deepEqual(manifest.scopes.map((s: { scope: string }) => s.scope).sort(), ['contacts:read', 'messages:consumer', 'messages:read']);
    assert.ok(manifest.scopes.every((s: { reason: string }) => /^TODO/.test(s.reason)));
    assert.equal(run(['init', '.'], dir).code, 2);
    const after = JSON.parse(run(['check', '.', '--format', 'json', '--fail-on', 'never'], dir).stdout);
    assert.ok(!after.findings.some((f: { ruleId: string }) => f.ruleId === 'scope-missing' || f.ruleId === 'scope-unused'));
    assert.ok(after.findings.some((f: { ruleId: string }) => f.ruleId === 'scope-reason-missing'));
  });
});

// The GitHub Action (action.yml) run as a runner would, on the sample app, against the packed npm package
// (installed offline by the Action's own install step): SARIF, job summary, upload step, failing the job,
// baselines, and a configuration error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { loadAction, runCompositeAction, type ActionRun } from '../support/composite-action';
import { npmEnv, packPolicyLens } from '../support/npm-pack';
import { REPO } from '../support/rule-folders';

const tmp = mkdtempSync(join(tmpdir(), 'policy-lens-action-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let tarball: string;

/** A fresh workspace with the sample app in `bot/`, and the Action run on it. */
function runAction(name: string, inputs: Record<string, string>, prepare?: (workspace: string) => void): { run: ActionRun; workspace: string } {
  const workspace = join(tmp, name, 'workspace');
  cpSync(join(REPO, 'examples', 'service-reminder-bot'), join(workspace, 'bot'), { recursive: true });
  prepare?.(workspace);
  const run = runCompositeAction(REPO, { inputs: { version: tarball, paths: 'bot', ...inputs }, workspace, runnerTemp: join(tmp, name, 'runner-temp'), env: npmEnv() });
  return { run, workspace };
}

type SarifLog = { runs: { tool: { driver: { name: string } }; results: { ruleId: string; suppressions?: { kind: string }[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };

function validSarif(path: string): SarifLog {
  const log = JSON.parse(readFileSync(path, 'utf8')) as SarifLog;
  const schema = JSON.parse(readFileSync(join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
  return log;
}

describe('action.yml', () => {
  before(() => {
    tarball = packPolicyLens(join(tmp, 'pack')).tarball;
  });

  it('is a composite action with the documented inputs, and runs scripts free of ${{ }}', () => {
    const action = loadAction(join(REPO, 'action.yml'));
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['baseline', 'category', 'config', 'fail-on', 'paths', 'sarif-file', 'upload-sarif', 'version']);
    for (const s of action.runs.steps) if (s.run) assert.doesNotMatch(s.run, /\$\{\{/, `step "${s.name}" puts an expression into its script (shell injection); pass it through env:`);
    assert.ok(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')));
  });

  describe('on the sample app with the default inputs', () => {
    let run: ActionRun;
    let workspace: string;
    before(() => ({ run, workspace } = runAction('defaults', {})));

    it('installs the CLI, checks, and writes SARIF that validates against SARIF 2.1.0', () => {
      assert.equal(run.step('Install Policy Lens').exitCode, 0, run.step('Install Policy Lens').stderr);
      assert.match(run.step('Install Policy Lens').stdout, /Policy Lens \d+\.\d+\.\d+ from .*\.tgz/);
      const check = run.step('Check');
      assert.equal(check.exitCode, 0, check.stderr);
      assert.equal(check.outputs['exit-code'], '1');
      assert.equal(check.outputs['sarif-file'], 'policy-lens.sarif');
      const log = validSarif(join(workspace, 'policy-lens.sarif'));
      assert.equal(log.runs[0]!.tool.driver.name, 'Policy Lens');
      assert.ok(log.runs[0]!.results.some((r) => r.ruleId === 'hardcoded-credential' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'bot/src/bot.js'));
    });

    it('writes a job summary with the totals, the findings by clause and the top findings', () => {
      const log = JSON.parse(readFileSync(join(workspace, 'policy-lens.sarif'), 'utf8')) as SarifLog;
      const results = log.runs[0]!.results;
      assert.match(run.summary, /^## Policy Lens: \d+ errors, \d+ warnings, \d+ info\n/);
      assert.match(run.summary, new RegExp(`^${results.length} open findings in 3 code files checked\\. The check fails \\(\`--fail-on error\`\\)\\.$`, 'm'));
      assert.match(run.summary, /not made or endorsed by Web1on1/);
      assert.match(run.summary, /### Findings by clause\n\n\| Clause \| Section \| Errors \| Warnings \| Info \| Suppressed \|/);
      const b2 = results.filter((r) => r.ruleId === 'hardcoded-credential' || r.ruleId === 'credential-in-url' || r.ruleId === 'credential-logged').length;
      assert.match(run.summary, new RegExp(`^\\| B\\.2 \\| Security \\| ${b2} \\| 0 \\| 0 \\| 0 \\|$`, 'm'));
      assert.match(run.summary, /### Top findings \(10 of \d+\)/);
      assert.match(run.summary, /^\| error \| bot\/src\/bot\.js:10 \| `hardcoded-credential` \| \\\[B\.2\\\] Hard-coded JWT/m);
      assert.match(run.summary, /code scanning alerts/);
    });

    it('uploads the SARIF to code scanning under its category', () => {
      const upload = run.step('Upload SARIF to code scanning');
      assert.equal(upload.ran, true);
      assert.match(upload.uses!, /^github\/codeql-action\/upload-sarif@v\d+$/);
      assert.deepEqual(upload.with, { sarif_file: 'policy-lens.sarif', category: 'policy-lens' });
    });

    it('fails the job because of error findings', () => {
      const fail = run.step('Fail on findings');
      assert.equal(fail.ran, true);
      assert.equal(fail.exitCode, 1);
      assert.match(fail.stdout, /::error::Policy Lens found open findings at or above 'error'/);
      assert.equal(run.failed, true);
    });
  });

  it('passes with a baseline that accepts every finding, and reports them as suppressed', () => {
    const { run, workspace } = runAction('baseline', { baseline: 'policy-lens-baseline.json', 'upload-sarif': 'false', 'sarif-file': 'reports/pl.sarif' }, (ws) => {
      const r = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'check', 'bot', '--baseline', 'policy-lens-baseline.json', '--update-baseline', '--fail-on', 'never'], { cwd: ws, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    });
    assert.equal(run.step('Check').outputs['exit-code'], '0', run.step('Check').stderr);
    assert.equal(run.step('Upload SARIF to code scanning').ran, false);
    assert.equal(run.step('Fail on findings').ran, false);
    assert.equal(run.failed, false);
    const results = validSarif(join(workspace, 'reports', 'pl.sarif')).runs[0]!.results;
    assert.ok(results.length > 0 && results.every((r) => r.suppressions?.[0]?.kind === 'external'));
    assert.match(run.summary, new RegExp(`^0 open findings in 3 code files checked, ${results.length} suppressed or baselined\\. The check passes`, 'm'));
    assert.match(run.summary, /SARIF report `reports\/pl\.sarif`/);
  });

  it('fail-on never reports the findings without failing the job', () => {
    const { run } = runAction('never', { 'fail-on': 'never' });
    assert.equal(run.step('Check').outputs['exit-code'], '0');
    assert.equal(run.step('Upload SARIF to code scanning').ran, true);
    assert.equal(run.step('Fail on findings').ran, false);
    assert.equal(run.failed, false);
    assert.match(run.summary, /The check passes \(`--fail-on never`\)/);
  });

  it('a configuration error fails the check step with its message, and nothing is uploaded', () => {
    const { run } = runAction('bad-config', { config: 'missing.policylens.json' });
    const check = run.step('Check');
    assert.equal(check.exitCode, 2);
    assert.equal(check.outputs['exit-code'], '2');
    assert.match(check.stderr, /policy-lens: .*missing\.policylens\.json/);
    assert.match(check.stdout, /::error::Policy Lens could not check \(exit code 2\)/);
    assert.equal(run.step('Upload SARIF to code scanning').ran, false);
    assert.equal(run.step('Fail on findings').ran, false);
    assert.equal(run.failed, true);
    assert.equal(run.summary, '');
  });
});

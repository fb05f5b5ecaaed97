// Runs a composite GitHub Action's steps on this machine the way a runner does, for tests: the `run:` scripts
// with `bash --noprofile --norc -eo pipefail`, `${{ }}` values from inputs, github and step outputs, the
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and `if:` with the status functions. A `uses:` step is not run
// (it would need GitHub); it is recorded with its resolved `with:` values. Expressions this small evaluator
// does not know make the run throw, so the action cannot drift past what the tests check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown };

interface ActionStep { name: string; id?: string; if?: string; shell?: string; run?: string; uses?: string; with?: Record<string, string>; env?: Record<string, string>; 'working-directory'?: string }
export interface ActionFile { name: string; inputs: Record<string, { description: string; default?: string; required?: boolean }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: ActionStep[] } }

export interface StepResult { name: string; ran: boolean; exitCode?: number; stdout: string; stderr: string; outputs: Record<string, string>; uses?: string; with?: Record<string, string> }
export interface ActionRun { steps: StepResult[]; failed: boolean; summary: string; step(name: string): StepResult }

export function loadAction(path: string): ActionFile {
  return yaml.load(readFileSync(path, 'utf8')) as ActionFile;
}

export function runCompositeAction(actionDir: string, opts: { inputs: Record<string, string>; workspace: string; runnerTemp: string; env?: NodeJS.ProcessEnv }): ActionRun {
  const action = loadAction(join(actionDir, 'action.yml'));
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`);
  for (const k of Object.keys(opts.inputs)) if (!(k in action.inputs)) throw new Error(`action.yml has no input "${k}"`);
  const inputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.inputs)) inputs[k] = opts.inputs[k] ?? v.default ?? '';
  const stepOutputs: Record<string, Record<string, string>> = {};
  mkdirSync(opts.runnerTemp, { recursive: true });
  const summaryFile = join(opts.runnerTemp, 'step-summary.md');
  writeFileSync(summaryFile, '');

  const value = (path: string): string => {
    const [ctx, ...rest] = path.split('.');
    if (ctx === 'inputs' && rest.length === 1 && rest[0]! in inputs) return inputs[rest[0]!]!;
    if (ctx === 'github' && path === 'github.action_path') return actionDir;
    if (ctx === 'github' && path === 'github.workspace') return opts.workspace;
    if (ctx === 'steps' && rest.length === 3 && rest[1] === 'outputs') return stepOutputs[rest[0]!]?.[rest[2]!] ?? '';
    throw new Error(`unknown expression context: ${path}`);
  };
  const substitute = (s: string) => s.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => value(e));
  let failed = false;
  const condition = (expr: string | undefined): boolean => {
    const body = (expr ?? '').trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1').trim();
    if (!body) return !failed;
    let status: boolean | undefined;
    let all = true;
    for (const term of body.split('&&').map((t) => t.trim())) {
      if (term === 'always()') status = true;
      else if (term === '!cancelled()') status = true;
      else if (term === 'success()') status = !failed;
      else if (term === 'failure()') status = failed;
      else {
        const m = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(term);
        if (!m) throw new Error(`unknown condition: ${term}`);
        const equal = value(m[1]!) === m[3];
        all &&= m[2] === '==' ? equal : !equal;
      }
    }
    return all && (status ?? !failed);
  };

  const steps: StepResult[] = [];
  action.runs.steps.forEach((s, i) => {
    if (!condition(s.if)) {
      steps.push({ name: s.name, ran: false, stdout: '', stderr: '', outputs: {} });
      return;
    }
    if (s.uses) {
      steps.push({ name: s.name, ran: true, stdout: '', stderr: '', outputs: {}, uses: s.uses, with: Object.fromEntries(Object.entries(s.with ?? {}).map(([k, v]) => [k, substitute(String(v))])) });
      return;
    }
    if (s.shell !== 'bash' || !s.run) throw new Error(`step "${s.name}" is neither a bash run step nor a uses step`);
    const outputFile = join(opts.runnerTemp, `output-${i}`);
    const script = join(opts.runnerTemp, `step-${i}.sh`);
    writeFileSync(outputFile, '');
    writeFileSync(script, s.run);
    const env: NodeJS.ProcessEnv = { ...(opts.env ?? process.env), GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_WORKSPACE: opts.workspace, GITHUB_ACTION_PATH: actionDir, RUNNER_TEMP: opts.runnerTemp, CI: 'true', GITHUB_ACTIONS: 'true' };
    for (const [k, v] of Object.entries(s.env ?? {})) env[k] = substitute(String(v));
    const cwd = s['working-directory'] ? substitute(s['working-directory']) : opts.workspace;
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8' });
    const outputs: Record<string, string> = {};
    for (const line of readFileSync(outputFile, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
    }
    if (s.id) stepOutputs[s.id] = outputs;
    const exitCode = r.status ?? 1;
    if (exitCode !== 0) failed = true;
    steps.push({ name: s.name, ran: true, exitCode, stdout: r.stdout, stderr: r.stderr, outputs });
  });
  return {
    steps,
    failed,
    summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '',
    step(name) {
      const found = steps.find((x) => x.name === name);
      if (!found) throw new Error(`no step "${name}" in action.yml`);
      return found;
    },
  };
}

// App rules (manifest, package.json, repository, cross-file) over each app's index and paths, each run
// reused while everything it read is unchanged.
import type { AppInfo } from '../app';
import { ancestorDirs } from '../bindings';
import { OverBudget } from '../budget';
import { ruleSetting, type EffectiveRuleSetting, type ResolvedConfig } from '../config';
import type { FileFacts } from '../model/facts';
import { LineIndex } from '../positions';
import type { AppReport, AppRule } from '../rule';
import type { Finding, Severity } from '../types';
import { appFinding } from './findings';
import type { RuleFailure } from './rule-errors';
import type { ProjectInput } from './types';

/** What an app rule sees of its app: the facts of the app's code files and every path under its folder. */
export interface AppScope {
  index: { files: Map<string, FileFacts> };
  paths: string[];
}

interface AppRuleInputs {
  app: AppInfo;
  index: ReadonlyMap<string, FileFacts>;
  paths: readonly string[];
  /** Options and severity, as text. */
  options: string;
  today: string;
}
interface AppRuleRun extends AppRuleInputs {
  reads: Map<string, string | undefined>;
  findings: Finding[];
}

export interface AppRulesJob {
  input: ProjectInput;
  apps: readonly AppInfo[];
  scopes: ReadonlyMap<AppInfo, AppScope>;
  configFor: (path: string) => ResolvedConfig;
  today: string;
  ruleMs: number;
  clock: () => number;
  failed: (failure: RuleFailure) => void;
}

/** Each app's index and paths, grouped in one pass (a scan per app is quadratic in a big monorepo). */
export function appScopes(apps: readonly AppInfo[], appOf: ReadonlyMap<string, AppInfo | undefined>, facts: ReadonlyMap<string, FileFacts>, paths: readonly string[]): Map<AppInfo, AppScope> {
  const scopes = new Map<AppInfo, AppScope>(apps.map((a) => [a, { index: { files: new Map() }, paths: [] }]));
  for (const [f, x] of facts) {
    const app = appOf.get(f);
    if (app) scopes.get(app)!.index.files.set(f, x);
  }
  const appsByRoot = new Map(apps.map((a) => [a.root, a]));
  for (const p of paths) {
    // every app whose folder holds the path (nested apps included), as a prefix test would
    for (const dir of ancestorDirs(p)) {
      const app = appsByRoot.get(dir);
      if (app) scopes.get(app)!.paths.push(p);
    }
  }
  return scopes;
}

export class AppRuleRunner {
  /** Each app rule's last run per app, with everything it read: reused while all of that is unchanged. */
  private readonly runs = new Map<string, AppRuleRun>();

  constructor(private readonly rules: readonly AppRule[]) {}

  /** The findings of every enabled app rule on every app; runs of apps or rules gone are forgotten. */
  run(job: AppRulesJob): Finding[] {
    const findings: Finding[] = [];
    const seenRuns = new Set<string>();
    for (const app of job.apps) {
      const config = job.configFor(app.manifestPath);
      const scope = job.scopes.get(app)!;
      for (const rule of this.rules) {
        // an app without a manifest gets package and repository rules only (manifest-missing among them)
        if (!app.hasManifest && rule.meta.target !== 'package' && rule.meta.target !== 'repository') continue;
        const setting = ruleSetting(config, rule.meta.id, { severity: rule.meta.severity, options: rule.meta.defaultOptions });
        if (setting.severity === 'off') continue;
        const runKey = `${app.manifestPath}\0${rule.meta.id}`;
        seenRuns.add(runKey);
        for (const f of this.runOne(rule, app, setting, scope, runKey, job)) findings.push(f);
      }
    }
    for (const k of this.runs.keys()) if (!seenRuns.has(k)) this.runs.delete(k);
    return findings;
  }

  private runOne(rule: AppRule, app: AppInfo, setting: EffectiveRuleSetting, scope: AppScope, runKey: string, job: AppRulesJob): Finding[] {
    const { input, clock } = job;
    const inputs = { app, index: scope.index.files, paths: scope.paths, options: JSON.stringify(setting.options) + setting.severity, today: job.today };
    const previous = this.runs.get(runKey);
    if (previous && sameAppRuleInputs(previous, inputs, input.files)) return previous.findings.map((f) => ({ ...f, suppression: undefined }));
    const lines = new Map<string, LineIndex>();
    const lineIndex = (file: string) => {
      let li = lines.get(file);
      if (!li) lines.set(file, (li = new LineIndex(input.files.get(file) ?? '')));
      return li;
    };
    const reads = new Map<string, string | undefined>();
    const reported: Finding[] = [];
    const started = clock();
    try {
      rule.check({
        app,
        manifest: app.manifest,
        index: scope.index,
        options: setting.options,
        now: input.now,
        paths: scope.paths,
        readFile: (p) => {
          const text = input.files.get(p);
          reads.set(p, text);
          return text;
        },
        report: (d: AppReport) => {
          const f = appFinding(rule, setting.severity as Severity, app, d, lineIndex, input.files);
          if (f) reported.push(f);
        },
      });
      // an app rule cannot be stopped midway: one that took too long is not trusted (nor kept for reuse)
      if (clock() - started > job.ruleMs) throw new OverBudget(job.ruleMs);
      this.runs.set(runKey, { ...inputs, index: new Map(scope.index.files), paths: [...scope.paths], reads, findings: reported.map((f) => ({ ...f })) });
      return reported;
    } catch (e) {
      this.runs.delete(runKey);
      job.failed({ ruleId: rule.meta.id, file: app.manifestPath, detail: (e as Error).message, overBudget: e instanceof OverBudget });
      return [];
    }
  }
}

/** Same app (object: same manifest), same facts objects (unchanged files), same paths and options, same reads. */
function sameAppRuleInputs(run: AppRuleRun, now: AppRuleInputs, files: ReadonlyMap<string, string>): boolean {
  if (run.app !== now.app || run.options !== now.options || run.today !== now.today) return false;
  if (run.index.size !== now.index.size || run.paths.length !== now.paths.length) return false;
  for (const [f, x] of now.index) if (run.index.get(f) !== x) return false;
  for (let i = 0; i < run.paths.length; i++) if (run.paths[i] !== now.paths[i]) return false;
  for (const [p, text] of run.reads) if (files.get(p) !== text) return false;
  return true;
}

// The engine: (files, manifests, config, now) → findings. Pure: no I/O, no LSP, no VS Code.
import { AppInfo } from '../app';
import { bindFiles, discoverApps, relativeSpecifiers } from '../bindings';
import { DEFAULT_BUDGET, type AnalysisBudget } from '../budget';
import { defaultConfig, type ResolvedConfig } from '../config';
import type { FileFacts } from '../model/facts';
import type { FileHints } from '../model/file-model';
import { isCodeFile } from '../parse';
import { LineIndex } from '../positions';
import type { AppRule, CodeRule, Rule } from '../rule';
import { localDate } from '../suppressions';
import { trimTrailing } from '../text';
import type { ts } from '../ts';
import type { Finding, Notice } from '../types';
import { analyzeInto, contextKey, listenedKinds, type AnalysisSettings, type FileContext } from './analyze-file';
import { appScopes, AppRuleRunner } from './app-rules';
import { applyManifestIgnores, applySuppressions, configExemptions, type FileSuppressions } from './exemptions';
import { FileResultCache } from './file-cache';
import { neighbourHints } from './hints';
import { ruleFailureReports, type RuleFailure } from './rule-errors';
import { INVALID_SUPPRESSION_ID, RunCancelled, type Binding, type EnvExample, type Exemption, type FileResult, type PortableResult, type ProjectInput, type QuickResult, type RunResult } from './types';

/** What a run works on, worked out before any file is analysed. */
interface RunPlan {
  input: ProjectInput;
  configFor: (path: string) => ResolvedConfig;
  paths: readonly string[];
  today: string;
  apps: AppInfo[];
  codeFiles: string[];
  bindings: Binding[];
  appOf: Map<string, AppInfo | undefined>;
}

/** The code files' analyses gathered for the report: what is not yet sorted, suppressed or exempted. */
interface Gathered {
  findings: Finding[];
  notices: Notice[];
  failures: RuleFailure[];
  suppressions: Map<string, FileSuppressions>;
  facts: Map<string, FileFacts>;
}

/**
 * The engine: (files, manifests, config, now) → findings. Pure: no I/O, no LSP, no VS Code.
 * An Engine instance keeps per-file results keyed by content (and context) between runs.
 */
export class Engine {
  private readonly files = new FileResultCache();
  readonly ruleIds: ReadonlySet<string>;
  private readonly codeRules: CodeRule[];
  private readonly appRules: AppRuleRunner;
  private readonly appRuleIds: ReadonlySet<string>;
  /** Apps of the last run by manifest: an unchanged manifest keeps its AppInfo (and parsed JSON). */
  private readonly apps = new Map<string, AppInfo>();
  /** The context each code file was last analysed in by a full run: what the quick path re-uses. */
  private readonly contextOf = new Map<string, Omit<FileContext, 'today'>>();
  private readonly specifierCache = new Map<string, { text: string; specs: string[] }>();
  private nodeKindCache: ts.SyntaxKind[] | undefined;

  /**
   * Which files keep their syntax tree so the next version re-parses incrementally (ts.updateSourceFile):
   * the language server answers "the open documents"; the CLI keeps none (memory).
   */
  keepTreeFor: (path: string) => boolean = () => false;

  /** Time limits per rule and per file (see AnalysisBudget). */
  budget: AnalysisBudget;
  /** The clock the budgets are measured with (ms); tests replace it to make "over budget" deterministic. */
  clock: () => number = () => performance.now();
  /** Told how long each step of a file's analysis took (the benchmark's per-edit split); unset: not timed. */
  onTiming: ((step: string, ms: number) => void) | undefined;
  /** Run every code rule on every file, whatever it requires (`meta.requires`): for the gating's differential test. Set before the first run. */
  ungated = false;

  constructor(readonly rules: readonly Rule[], budget: Partial<AnalysisBudget> = {}) {
    this.budget = { ...DEFAULT_BUDGET, ...budget };
    this.ruleIds = new Set([...rules.map((r) => r.meta.id), INVALID_SUPPRESSION_ID]);
    this.codeRules = rules.filter((r): r is CodeRule => r.kind === 'code');
    const appRules = rules.filter((r): r is AppRule => r.kind === 'app');
    this.appRules = new AppRuleRunner(appRules);
    this.appRuleIds = new Set(appRules.map((r) => r.meta.id));
  }

  run(input: ProjectInput): RunResult {
    const steps = this.steps(input);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same run, handing the thread back between files (`pause`, when the last one was over `sliceMs` ago) so
   * an editor's requests are answered while a big folder is checked; `cancelled` is asked at each of those
   * points and stops the run with RunCancelled. The engine's caches stay consistent: a file is analysed whole.
   */
  async runAsync(input: ProjectInput, opts: { pause: () => Promise<void>; cancelled?: () => boolean; sliceMs?: number }): Promise<RunResult> {
    const steps = this.steps(input);
    const sliceMs = opts.sliceMs ?? 20;
    let sliceStart = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - sliceStart < sliceMs) continue;
      await opts.pause();
      if (opts.cancelled?.()) throw new RunCancelled();
      sliceStart = performance.now();
    }
  }

  /** A run as steps: it yields after each file analysed, where a caller may pause or stop it. */
  private *steps(input: ProjectInput): Generator<void, RunResult, void> {
    const t0 = Date.now();
    const plan = this.plan(input);
    const { results, hintsOf } = yield* this.analyzeCodeFiles(plan);
    this.rememberContexts(plan, hintsOf);
    const { findings, notices, failures, suppressions, facts } = gather(results, input.checkFiles);
    const exemptions: Exemption[] = [];
    if (!input.partial) {
      const scopes = appScopes(plan.apps, plan.appOf, facts, plan.paths);
      const job = { input, apps: plan.apps, scopes, configFor: plan.configFor, today: plan.today, ruleMs: this.budget.ruleMs, clock: this.clock, failed: (f: RuleFailure) => failures.push(f) };
      for (const f of this.appRules.run(job)) findings.push(f);
      applyManifestIgnores(plan.apps, this.ruleIds, findings, exemptions);
    }
    findings.push(...applySuppressions(findings, suppressions, exemptions, input.checkFiles, !input.partial));
    const configs = new Set([...plan.codeFiles, ...plan.apps.map((a) => a.manifestPath)].map((f) => plan.configFor(f)));
    findings.push(...configExemptions(configs, this.rules, exemptions));
    const failed = ruleFailureReports(failures, this.budget.ruleMs, input.files);
    notices.push(...failed.notices);
    findings.push(...failed.findings);
    findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.startOffset - b.startOffset || a.ruleId.localeCompare(b.ruleId)));
    const stats = { codeFiles: plan.codeFiles.length, rulesRun: this.rules.length, clauseRules: this.clauseRules(), durationMs: Date.now() - t0 };
    return { findings, notices, exemptions, bindings: plan.bindings, apps: plan.apps, facts, stats };
  }

  /** Apps, code files and which app each file belongs to. */
  private plan(input: ProjectInput): RunPlan {
    const paths = input.paths ?? [...input.files.keys()];
    const apps = discoverApps(input, paths, (root, manifestPath, text) => this.appFor(root, manifestPath, text));
    const appsByRoot = new Map(apps.map((a) => [a.root, a]));
    const codeFiles = [...input.files.keys()].filter(isCodeFile).sort();
    const bindings = bindFiles(codeFiles, apps, input, (f, t) => this.specifiersOf(f, t));
    const appOf = new Map(bindings.map((b) => [b.file, b.app === undefined ? undefined : appsByRoot.get(b.app)]));
    return { input, configFor: input.configFor ?? (() => defaultConfig()), paths, today: localDate(input.now), apps, codeFiles, bindings, appOf };
  }

  /** Pass 1: every code file; pass 2: files whose neighbours tell them something (module factories, clients). */
  private *analyzeCodeFiles(plan: RunPlan): Generator<void, { results: Map<string, FileResult>; hintsOf: Map<string, FileHints> }, void> {
    const { input, codeFiles } = plan;
    const results = new Map<string, FileResult>();
    const hintsOf = new Map<string, FileHints>();
    const analyze = (f: string, hints: FileHints) => results.set(f, this.analyze(f, input.files.get(f)!, this.contextIn(plan, f, hints)));
    for (const [i, f] of codeFiles.entries()) {
      analyze(f, {});
      if (input.progress && (i % 50 === 49 || i === codeFiles.length - 1)) input.progress(i + 1, codeFiles.length);
      yield;
    }
    // Instances and clients can travel through several modules: repeat until nothing new is learnt.
    for (let round = 0; round < 4; round++) {
      let changed = false;
      for (const [f, h] of neighbourHints(results, codeFiles, input.files)) {
        if (JSON.stringify(hintsOf.get(f)) === JSON.stringify(h)) continue;
        hintsOf.set(f, h);
        changed = true;
        analyze(f, h);
        yield;
      }
      if (!changed) break;
    }
    return { results, hintsOf };
  }

  private contextIn(plan: RunPlan, file: string, hints: FileHints): FileContext {
    const app = plan.appOf.get(file);
    return { app, config: plan.configFor(file), hints, today: plan.today, envExample: envExampleOf(app, plan.input) };
  }

  /** Each code file's context in this full run, for the quick path. */
  private rememberContexts(plan: RunPlan, hintsOf: ReadonlyMap<string, FileHints>): void {
    this.contextOf.clear();
    for (const f of plan.codeFiles) {
      const app = plan.appOf.get(f);
      this.contextOf.set(f, { app, config: plan.configFor(f), hints: hintsOf.get(f) ?? {}, envExample: envExampleOf(app, plan.input) });
    }
  }

  private clauseRules(): Map<string, number> {
    const clauseRules = new Map<string, number>();
    for (const r of this.rules) for (const c of r.meta.clauses) clauseRules.set(c, (clauseRules.get(c) ?? 0) + 1);
    return clauseRules;
  }

  /**
   * The editor's quick path: re-checks one code file after an edit, in the context (app, config, hints) of
   * the last full run, without the app rules. `held` are the app-rule findings of the file from that run,
   * already moved to the new text; they take part in suppression like fresh ones. Undefined when the file
   * was not part of the last full run or a rule failed on it (a full run reports that properly).
   */
  checkOne(file: string, text: string, now: Date, held: readonly Finding[]): QuickResult | undefined {
    const ctx = this.contextOf.get(file);
    if (!ctx) return undefined;
    const r = this.analyze(file, text, { ...ctx, today: localDate(now) });
    if (r.errors.length) return undefined;
    const findings: Finding[] = r.findings.map((x) => ({ ...x, suppression: undefined }));
    for (const h of held) findings.push({ ...h, suppression: undefined });
    // a comment's `used` flag is per run: reset it, the cached result is shared with the next full run
    const comments = r.suppressions.map((c) => ({ ...c, used: false }));
    const exemptions: Exemption[] = [];
    findings.push(...applySuppressions(findings, new Map([[file, { comments, lines: r.lines }]]), exemptions));
    findings.sort((a, b) => a.startOffset - b.startOffset || a.ruleId.localeCompare(b.ruleId));
    return { findings, facts: r.facts, notice: r.notice, exemptions };
  }

  /** True for findings an app rule made (manifest, package, repository, cross-file): the quick path holds them. */
  isAppRuleFinding(f: Finding): boolean {
    return this.appRuleIds.has(f.ruleId);
  }

  /** A file's result in its context: the cached one for the same text and context, else a fresh analysis. */
  private analyze(file: string, text: string, ctx: FileContext): FileResult {
    // an edit re-checks one file, the others are reused by equality of text and context
    const key = contextKey(ctx);
    const hit = this.files.find(file, text, key);
    if (hit) return hit;
    const previousTree = this.files.latestTree(file);
    const result: FileResult = { key, text, findings: [], facts: undefined, suppressions: [], lines: new LineIndex(text), errors: [] };
    this.files.add(file, result);
    analyzeInto(result, file, previousTree, ctx, this.analysisSettings());
    return result;
  }

  private analysisSettings(): AnalysisSettings {
    return {
      codeRules: this.codeRules,
      ruleIds: this.ruleIds,
      budget: this.budget,
      clock: this.clock,
      keepTreeFor: this.keepTreeFor,
      nodeKinds: () => (this.nodeKindCache ??= listenedKinds(this.codeRules)),
      onTiming: this.onTiming,
      ungated: this.ungated,
    };
  }

  private appFor(root: string, manifestPath: string, text: string | undefined): AppInfo {
    const key = `${root}\0${manifestPath}`;
    const known = this.apps.get(key);
    if (known && known.manifest?.text === text) return known;
    const app = new AppInfo(root, manifestPath, text);
    this.apps.set(key, app);
    return app;
  }

  /** Relative import specifiers of a file, re-scanned only when its text changed. */
  private specifiersOf(file: string, text: string): string[] {
    const c = this.specifierCache.get(file);
    if (c && c.text === text) return c.specs;
    const specs = relativeSpecifiers(text);
    this.specifierCache.set(file, { text, specs });
    return specs;
  }

  /** This engine's analyses of `files`, as plain data for another Engine's `importResults`. */
  exportResults(files: Iterable<string>): PortableResult[] {
    return this.files.export(files);
  }

  /**
   * Takes over analyses made elsewhere (the indexing worker). Each one is used by the next run only where
   * the file's text and context are still the same: a stale one is simply re-analysed.
   */
  importResults(results: readonly PortableResult[]): void {
    this.files.import(results);
  }

  /** Drops cached results for files no longer present (the server calls this on deletes). */
  forget(file: string): void {
    this.files.forget(file);
    this.specifierCache.delete(file);
  }
}

/** Notices, rule failures, suppression comments, facts and (for the files to check) findings of each code file. */
function gather(results: ReadonlyMap<string, FileResult>, checkFiles: ReadonlySet<string> | undefined): Gathered {
  const out: Gathered = { findings: [], notices: [], failures: [], suppressions: new Map(), facts: new Map() };
  for (const [f, r] of results) {
    if (r.notice) out.notices.push(r.notice);
    for (const e of r.errors) out.failures.push({ ruleId: e.ruleId, file: f, overBudget: !!e.overBudget });
    // `used` is per run and the result may be a cached one: fresh flags each run
    out.suppressions.set(f, { comments: r.suppressions.map((c) => ({ ...c, used: false })), lines: r.lines });
    if (!checkFiles || checkFiles.has(f)) out.findings.push(...r.findings.map((x) => ({ ...x, fixes: x.fixes, suppression: undefined })));
  }
  for (const [f, r] of results) if (r.facts) out.facts.set(f, r.facts);
  return out;
}

/** Env-var fixes add lines to the app's `.env.example`; its text is part of each file's cache key. */
function envExampleOf(app: AppInfo | undefined, input: ProjectInput): EnvExample {
  const path = `${app?.root ?? trimTrailing(input.root, '/')}/.env.example`;
  return { path, text: input.files.get(path) };
}

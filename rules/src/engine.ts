import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { Minimatch } from 'minimatch';
import { ts } from './ts';
import { AppInfo } from './app';
import { ancestorDirs, bindFiles, discoverApps, relativeSpecifiers, resolveRelative } from './bindings';
import { budgetFor, BUDGET_SIZE_UNIT, DEFAULT_BUDGET, OverBudget, VISITS_PER_CLOCK_CHECK, type AnalysisBudget } from './budget';
import { defaultConfig, ruleSetting, type ResolvedConfig } from './config';
import { collectFacts, type FileFacts } from './model/facts';
import { FileModel, type FileHints } from './model/file-model';
import { PersonalDataModel } from './model/personal-data';
import { parseCode, reparseCode, isCodeFile, uncheckableContent } from './parse';
import { LineIndex } from './positions';
import { formatMessage, type AppReport, type AppRule, type CodeRule, type CodeRuleContext, type Rule } from './rule';
import { findSuppressions, localDate, type SuppressionComment } from './suppressions';
import { trimTrailing } from './text';
import type { CodeRuleListener, Finding, Notice, NodeVisitor, ReportDescriptor, Severity } from './types';

export interface ProjectInput {
  /** Absolute root of the run (forward slashes). */
  root: string;
  /** Texts of the files to check and of the app files rules read (manifests, package.json, .gitignore …). */
  files: ReadonlyMap<string, string>;
  /** Every path known to exist (for repository rules: .env, key files …); defaults to the keys of files. */
  paths?: readonly string[];
  /** Config for a file: the nearest `.policylens.json` (not merged). */
  configFor?: (path: string) => ResolvedConfig;
  now: Date;
  /** Explicit manifest path (`--manifest`): binds every file under root to it. */
  manifestPath?: string;
  /** Only run code rules on these files (others still feed the index). Default: all code files. */
  checkFiles?: ReadonlySet<string>;
  /**
   * The files are a part of the project (the editor's open files while the rest is being indexed): app rules,
   * which need the whole index, do not run, and no comment is reported for silencing nothing.
   */
  partial?: boolean;
  /** Called as code files are analysed (done of total), for progress reports. */
  progress?: (done: number, total: number) => void;
}

/** A file's analysis as another Engine instance (an indexing worker) can take it over: plain data. */
export interface PortableResult {
  file: string;
  key: ContextKey;
  text: string;
  findings: Finding[];
  facts: FileFacts | undefined;
  notice?: Notice;
  suppressions: SuppressionComment[];
  errors: RuleError[];
}

/** A rule that failed on a file (or app), or ran over its time budget there; its findings there are not reported. */
export interface RuleError {
  ruleId: string;
  message: string;
  overBudget?: boolean;
}

export interface Exemption {
  kind: 'rule-off' | 'exclude' | 'suppression' | 'baseline' | 'manifest-ignore';
  ruleId?: string;
  what: string;
  reason: string;
  until?: string;
  file?: string;
  line?: number;
}

/** One file re-checked on the editor's quick path. */
export interface QuickResult {
  /** The file's findings, suppressed ones included (marked), sorted by offset. */
  findings: Finding[];
  facts: FileFacts | undefined;
  notice: Notice | undefined;
  /** The file's source suppressions that silenced something. */
  exemptions: Exemption[];
}

export interface Binding { file: string; app: string | undefined; via: 'folder' | 'import' | 'none' }

export interface RunResult {
  findings: Finding[];
  notices: Notice[];
  exemptions: Exemption[];
  bindings: Binding[];
  apps: AppInfo[];
  /** Code files examined, and how many rules ran, for "no findings (N rules over M files)". */
  stats: { codeFiles: number; rulesRun: number; clauseRules: Map<string, number>; durationMs: number };
  /** Facts per code file (the project index), for the server's code lenses and the listing. */
  facts: Map<string, FileFacts>;
}

interface FileResult {
  key: ContextKey;
  text: string;
  /** Kept for editors (keepTrees): the next edit re-parses incrementally from it. */
  sourceFile?: ts.SourceFile;
  findings: Finding[];
  facts: FileFacts | undefined;
  notice?: Notice;
  suppressions: SuppressionComment[];
  lines: LineIndex;
  errors: RuleError[];
}

const RULE_ERRORS_ID = 'internal-error';

/** A run given up because its caller no longer wants it (runAsync's `cancelled`). */
export class RunCancelled extends Error {
  constructor() {
    super('The run was cancelled');
  }
}
export const INVALID_SUPPRESSION_ID = 'invalid-suppression';

/**
 * The engine: (files, manifests, config, now) → findings. Pure: no I/O, no LSP, no VS Code.
 * An Engine instance keeps per-file results keyed by content (and context) hash between runs.
 */
export class Engine {
  /**
   * Per-file results, newest last. A file that learns something from its neighbours (hints) is analysed
   * twice per run, without and with them: both variants are kept so neither is recomputed next run.
   */
  private readonly cache = new Map<string, FileResult[]>();
  readonly ruleIds: ReadonlySet<string>;
  private readonly codeRules: CodeRule[];
  private readonly appRules: AppRule[];
  private readonly appRuleIds: ReadonlySet<string>;
  /** Apps of the last run by manifest: an unchanged manifest keeps its AppInfo (and parsed JSON). */
  private readonly apps = new Map<string, AppInfo>();
  /** Each app rule's last run per app, with everything it read: reused while all of that is unchanged. */
  private readonly appRuleRuns = new Map<string, AppRuleRun>();
  /** The context each code file was last analysed in by a full run: what the quick path re-uses. */
  private readonly contextOf = new Map<string, { app: AppInfo | undefined; config: ResolvedConfig; hints: FileHints; envExample: EnvExample }>();

  /**
   * Which files keep their syntax tree so the next version re-parses incrementally (ts.updateSourceFile):
   * the language server answers "the open documents"; the CLI keeps none (memory).
   */
  keepTreeFor: (path: string) => boolean = () => false;

  /** Time limits per rule and per file (see AnalysisBudget). */
  budget: AnalysisBudget;
  /** The clock the budgets are measured with (ms); tests replace it to make "over budget" deterministic. */
  clock: () => number = () => performance.now();

  constructor(readonly rules: readonly Rule[], budget: Partial<AnalysisBudget> = {}) {
    this.budget = { ...DEFAULT_BUDGET, ...budget };
    this.ruleIds = new Set([...rules.map((r) => r.meta.id), INVALID_SUPPRESSION_ID]);
    this.codeRules = rules.filter((r): r is CodeRule => r.kind === 'code');
    this.appRules = rules.filter((r): r is AppRule => r.kind === 'app');
    this.appRuleIds = new Set(this.appRules.map((r) => r.meta.id));
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
    const configFor = input.configFor ?? (() => defaultConfig());
    const paths = input.paths ?? [...input.files.keys()];
    const today = localDate(input.now);
    const exemptions: Exemption[] = [];
    const notices: Notice[] = [];
    const findings: Finding[] = [];

    const apps = discoverApps(input, paths, (root, manifestPath, text) => this.appFor(root, manifestPath, text));
    const appsByRoot = new Map(apps.map((a) => [a.root, a]));
    const codeFiles = [...input.files.keys()].filter(isCodeFile).sort();
    const bindings = bindFiles(codeFiles, apps, input, (f, t) => this.specifiersOf(f, t));
    const appOf = new Map(bindings.map((b) => [b.file, b.app === undefined ? undefined : appsByRoot.get(b.app)]));

    // Pass 1: every code file; pass 2: files whose neighbours tell them something (module factories, clients).
    const results = new Map<string, FileResult>();
    const hintsOf = new Map<string, FileHints>();
    for (const [i, f] of codeFiles.entries()) {
      results.set(f, this.analyze(f, input.files.get(f)!, appOf.get(f), configFor(f), {}, today, envExampleOf(appOf.get(f), input)));
      if (input.progress && (i % 50 === 49 || i === codeFiles.length - 1)) input.progress(i + 1, codeFiles.length);
      yield;
    }
    // Instances and clients can travel through several modules: repeat until nothing new is learnt.
    for (let round = 0; round < 4; round++) {
      const hints = this.hints(results, codeFiles);
      let changed = false;
      for (const [f, h] of hints) {
        if (JSON.stringify(hintsOf.get(f)) === JSON.stringify(h)) continue;
        hintsOf.set(f, h);
        changed = true;
        results.set(f, this.analyze(f, input.files.get(f)!, appOf.get(f), configFor(f), h, today, envExampleOf(appOf.get(f), input)));
        yield;
      }
      if (!changed) break;
    }

    this.contextOf.clear();
    for (const f of codeFiles) {
      const app = appOf.get(f);
      this.contextOf.set(f, { app, config: configFor(f), hints: hintsOf.get(f) ?? {}, envExample: envExampleOf(app, input) });
    }

    const errorsByRule = new Map<string, { files: string[]; overBudget: boolean }>();
    const ruleFailed = (ruleId: string, where: string, overBudget: boolean) => {
      const e = errorsByRule.get(ruleId) ?? { files: [], overBudget: true };
      e.files.push(where);
      e.overBudget &&= overBudget;
      errorsByRule.set(ruleId, e);
    };
    const suppressionsByFile = new Map<string, { comments: SuppressionComment[]; lines: LineIndex }>();
    for (const [f, r] of results) {
      if (r.notice) notices.push(r.notice);
      for (const e of r.errors) ruleFailed(e.ruleId, f, !!e.overBudget);
      // `used` is per run and the result may be a cached one: fresh flags each run
      suppressionsByFile.set(f, { comments: r.suppressions.map((c) => ({ ...c, used: false })), lines: r.lines });
      if (!input.checkFiles || input.checkFiles.has(f)) findings.push(...r.findings.map((x) => ({ ...x, fixes: x.fixes, suppression: undefined })));
    }

    // App rules: manifest, package.json, repository and cross-file findings, from index + manifest.
    const facts = new Map<string, FileFacts>();
    for (const [f, r] of results) if (r.facts) facts.set(f, r.facts);
    // each app's index and paths, grouped in one pass (a scan per app is quadratic in a big monorepo)
    const indexOf = new Map<AppInfo, Map<string, FileFacts>>(apps.map((a) => [a, new Map()]));
    for (const [f, x] of facts) {
      const app = appOf.get(f);
      if (app) indexOf.get(app)!.set(f, x);
    }
    const pathsOf = new Map<AppInfo, string[]>(apps.map((a) => [a, []]));
    for (const p of paths) {
      // every app whose folder holds the path (nested apps included), as a prefix test would
      for (const dir of ancestorDirs(p)) {
        const app = appsByRoot.get(dir);
        if (app) pathsOf.get(app)!.push(p);
      }
    }
    const seenRuns = new Set<string>();
    for (const app of input.partial ? [] : apps) {
      const config = configFor(app.manifestPath);
      const index = { files: indexOf.get(app)! };
      const appPaths = pathsOf.get(app)!;
      for (const rule of this.appRules) {
        // an app without a manifest gets package and repository rules only (manifest-missing among them)
        if (!app.hasManifest && rule.meta.target !== 'package' && rule.meta.target !== 'repository') continue;
        const setting = ruleSetting(config, rule.meta.id, { severity: rule.meta.severity, options: rule.meta.defaultOptions });
        if (setting.severity === 'off') continue;
        const runKey = `${app.manifestPath}\0${rule.meta.id}`;
        seenRuns.add(runKey);
        const inputs = { app, index: index.files, paths: appPaths, options: JSON.stringify(setting.options) + setting.severity, today };
        const previous = this.appRuleRuns.get(runKey);
        if (previous && sameAppRuleInputs(previous, inputs, input.files)) {
          for (const f of previous.findings) findings.push({ ...f, suppression: undefined });
          continue;
        }
        const lines = new Map<string, LineIndex>();
        const lineIndex = (file: string) => {
          let li = lines.get(file);
          if (!li) lines.set(file, (li = new LineIndex(input.files.get(file) ?? '')));
          return li;
        };
        const reads = new Map<string, string | undefined>();
        const reported: Finding[] = [];
        const started = this.clock();
        try {
          rule.check({
            app,
            manifest: app.manifest,
            index,
            options: setting.options,
            now: input.now,
            paths: appPaths,
            readFile: (p) => {
              const text = input.files.get(p);
              reads.set(p, text);
              return text;
            },
            report: (d: AppReport) => {
              const f = this.appFinding(rule, setting.severity as Severity, app, d, lineIndex, input);
              if (f) reported.push(f);
            },
          });
          // an app rule cannot be stopped midway: one that took too long is not trusted (nor kept for reuse)
          if (this.clock() - started > this.budget.ruleMs) throw new OverBudget(this.budget.ruleMs);
          this.appRuleRuns.set(runKey, { ...inputs, index: new Map(index.files), paths: [...appPaths], reads, findings: reported.map((f) => ({ ...f })) });
          findings.push(...reported);
        } catch (e) {
          this.appRuleRuns.delete(runKey);
          ruleFailed(rule.meta.id, app.manifestPath + ` (${(e as Error).message})`, e instanceof OverBudget);
        }
      }
    }
    if (!input.partial) for (const k of this.appRuleRuns.keys()) if (!seenRuns.has(k)) this.appRuleRuns.delete(k);

    if (!input.partial) this.applyManifestIgnores(apps, findings, exemptions);

    // Suppressions in source: they silence findings on their line; broken or unused ones are findings.
    findings.push(...this.applySuppressions(findings, suppressionsByFile, exemptions, input.checkFiles, !input.partial));

    // Config exemptions need reasons; rules turned off with a reason are listed for the report.
    for (const cfg of new Set([...codeFiles, ...apps.map((a) => a.manifestPath)].map((f) => configFor(f)))) {
      if (!cfg.path || !cfg.text) continue;
      const lines = new LineIndex(cfg.text);
      for (const rule of this.rules) {
        const s = ruleSetting(cfg, rule.meta.id, { severity: rule.meta.severity });
        const at = Math.max(0, cfg.text.indexOf(`"${rule.meta.id}"`));
        if (s.invalid) findings.push(this.finding(INVALID_SUPPRESSION_ID, ['F.5'], 'warning', `[F.5] Invalid exemption: ${s.invalid}`, cfg.path, lines, at, at + rule.meta.id.length + 2));
        if (s.offReason) exemptions.push({ kind: 'rule-off', ruleId: rule.meta.id, what: `rule ${rule.meta.id} off in ${cfg.path}`, reason: s.offReason, file: cfg.path });
      }
      for (const ex of cfg.raw.exclude ?? []) {
        const glob = typeof ex === 'string' ? ex : ex.glob;
        const reason = typeof ex === 'string' ? undefined : ex.reason?.trim();
        const at = Math.max(0, cfg.text.indexOf(JSON.stringify(glob)));
        if (!reason) findings.push(this.finding(INVALID_SUPPRESSION_ID, ['F.5'], 'warning', `[F.5] Invalid exemption: excluding "${glob}" needs a reason`, cfg.path, lines, at, at + glob.length + 2));
        else exemptions.push({ kind: 'exclude', what: glob, reason, file: cfg.path });
      }
    }

    for (const [ruleId, { files, overBudget }] of errorsByRule) {
      const what = overBudget ? `ran over its time budget (${this.budget.ruleMs} ms per file of up to ${BUDGET_SIZE_UNIT / 1024} kB)` : 'failed';
      const message = `[F.5] Rule "${ruleId}" ${what} and was skipped on ${files.length} file(s): ${files.slice(0, 5).join(', ')}${files.length > 5 ? ' …' : ''}`;
      notices.push({ file: files[0]!.split(' (')[0]!, kind: 'internal-error', message, ruleId });
      const file = files[0]!.split(' (')[0]!;
      findings.push(this.finding(RULE_ERRORS_ID, ['F.5'], 'warning', message, file, new LineIndex(input.files.get(file) ?? ''), 0, 0));
    }

    findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.startOffset - b.startOffset || a.ruleId.localeCompare(b.ruleId)));
    const clauseRules = new Map<string, number>();
    for (const r of this.rules) for (const c of r.meta.clauses) clauseRules.set(c, (clauseRules.get(c) ?? 0) + 1);
    return { findings, notices, exemptions, bindings, apps, facts, stats: { codeFiles: codeFiles.length, rulesRun: this.rules.length, clauseRules, durationMs: Date.now() - t0 } };
  }

  /**
   * Source comments silence findings on their target line; the findings returned are the comments that are
   * broken or silence nothing.
   */
  private applySuppressions(findings: Finding[], byFile: ReadonlyMap<string, { comments: SuppressionComment[]; lines: LineIndex }>, exemptions: Exemption[], checkFiles?: ReadonlySet<string>, reportUnused = true): Finding[] {
    for (const f of findings) {
      const s = byFile.get(f.file);
      if (!s) continue;
      const c = s.comments.find((c) => !c.problem && c.targetLine === f.range.start.line && c.ruleIds.includes(f.ruleId));
      if (c) {
        c.used = true;
        f.suppression = { kind: 'inSource', justification: c.reason!, until: c.until, location: { file: f.file, line: c.line + 1 } };
        exemptions.push({ kind: 'suppression', ruleId: f.ruleId, what: `line ${c.targetLine + 1}`, reason: c.reason!, until: c.until, file: f.file, line: c.line + 1 });
      }
    }
    const invalid: Finding[] = [];
    for (const [file, s] of byFile) {
      if (checkFiles && !checkFiles.has(file)) continue;
      for (const c of s.comments) {
        const problem = c.problem ?? (c.used || !reportUnused ? undefined : `this suppression silences nothing on line ${c.targetLine + 1}`);
        if (!problem) continue;
        invalid.push(this.finding(INVALID_SUPPRESSION_ID, ['F.5'], 'warning', `[F.5] Invalid suppression: ${problem}`, file, s.lines, c.start, c.end));
      }
    }
    return invalid;
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
    const r = this.analyze(file, text, ctx.app, ctx.config, ctx.hints, localDate(now), ctx.envExample);
    if (r.errors.length) return undefined;
    const findings: Finding[] = r.findings.map((x) => ({ ...x, suppression: undefined }));
    for (const h of held) findings.push({ ...h, suppression: undefined });
    // a comment's `used` flag is per run: reset it, the cached result is shared with the next full run
    const comments = r.suppressions.map((c) => ({ ...c, used: false }));
    const exemptions: Exemption[] = [];
    findings.push(...this.applySuppressions(findings, new Map([[file, { comments, lines: r.lines }]]), exemptions));
    findings.sort((a, b) => a.startOffset - b.startOffset || a.ruleId.localeCompare(b.ruleId));
    return { findings, facts: r.facts, notice: r.notice, exemptions };
  }

  /** True for findings an app rule made (manifest, package, repository, cross-file): the quick path holds them. */
  isAppRuleFinding(f: Finding): boolean {
    return this.appRuleIds.has(f.ruleId);
  }

  /**
   * Manifest `ignore` entries ({ rule, pointer?, reason }) accept findings of the app the way a source
   * comment does; without a reason or matching nothing they are findings themselves.
   */
  private applyManifestIgnores(apps: AppInfo[], findings: Finding[], exemptions: Exemption[]): void {
    for (const app of apps) {
      const entries = app.manifestObject()?.['ignore'];
      if (!Array.isArray(entries) || !app.manifest) continue;
      const lines = new LineIndex(app.manifest.text);
      entries.forEach((raw, i) => {
        const e = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
        const rule = typeof e['rule'] === 'string' ? e['rule'] : '';
        const pointer = typeof e['pointer'] === 'string' ? e['pointer'] : undefined;
        const reason = typeof e['reason'] === 'string' ? e['reason'].trim() : '';
        const at = app.manifest!.rangeOf(`/ignore/${i}`);
        const invalid = (why: string) => findings.push(this.finding(INVALID_SUPPRESSION_ID, ['F.5'], 'warning', `[F.5] Invalid exemption: ${why}`, app.manifestPath, lines, at.start, at.end));
        if (!this.ruleIds.has(rule)) return invalid(`ignore entry ${i} names ${rule ? `unknown rule "${rule}"` : 'no rule'}`);
        if (!reason) return invalid(`ignoring "${rule}" needs a reason`);
        const inApp = (f: Finding) => f.file === app.manifestPath || f.file.startsWith(app.root + '/');
        const matches = findings.filter((f) => f.ruleId === rule && !f.suppression && inApp(f) && (pointer === undefined || (f.pointer !== undefined && (f.pointer === pointer || f.pointer.startsWith(pointer + '/')))));
        if (!matches.length) return invalid(`ignore entry ${i} ("${rule}"${pointer ? ` at ${pointer}` : ''}) silences nothing`);
        for (const f of matches) f.suppression = { kind: 'external', justification: reason, location: { file: app.manifestPath, line: at.start >= 0 ? lines.position(at.start).line + 1 : 1 } };
        exemptions.push({ kind: 'manifest-ignore', ruleId: rule, what: pointer ? `${rule} at ${pointer}` : `${rule} in ${app.root}`, reason, file: app.manifestPath, line: lines.position(at.start).line + 1 });
      });
    }
  }

  private readonly specifierCache = new Map<string, { text: string; specs: string[] }>();
  /** Relative import specifiers of a file, re-scanned only when its text changed. */
  private specifiersOf(file: string, text: string): string[] {
    const c = this.specifierCache.get(file);
    if (c && c.text === text) return c.specs;
    const specs = relativeSpecifiers(text);
    this.specifierCache.set(file, { text, specs });
    return specs;
  }

  private hints(results: Map<string, FileResult>, codeFiles: string[]): Map<string, FileHints> {
    const out = new Map<string, FileHints>();
    const files = new Map(codeFiles.map((f) => [f, true]));
    const lookup = (from: string, spec: string) => resolveRelative(from, spec, files);
    for (const [f, r] of results) {
      if (!r.facts) continue;
      for (const spec of r.facts.sdkModuleSpecifiers) {
        const target = lookup(f, spec);
        if (target) out.set(target, { ...out.get(target), sdkModuleFactory: true });
      }
      for (const p of r.facts.sdkPassedToImports) {
        const target = lookup(f, p.spec);
        if (!target) continue;
        const prev = out.get(target)?.sdkParams ?? {};
        const positions = [...new Set([...(prev[p.exportName] ?? []), p.argIndex])].sort();
        out.set(target, { ...out.get(target), sdkParams: { ...prev, [p.exportName]: positions } });
      }
      for (const imp of r.facts.relativeImports) {
        const target = lookup(f, imp.spec);
        const exported = target ? results.get(target)?.facts?.exportedHttpClients : undefined;
        if (!exported || !Object.keys(exported).length) continue;
        const clients: Record<string, string> = { ...out.get(f)?.importedHttpClients };
        for (const n of imp.names) {
          const base = (Object.hasOwn(exported, n) ? exported[n] : undefined) ?? (Object.hasOwn(exported, 'default') ? exported['default'] : undefined);
          if (base) clients[n] = base;
        }
        if (Object.keys(clients).length) out.set(f, { ...out.get(f), importedHttpClients: clients });
      }
    }
    return out;
  }

  private analyze(file: string, text: string, app: AppInfo | undefined, config: ResolvedConfig, hints: FileHints, today: string, envExample: EnvExample): FileResult {
    // The context a file's result depends on besides its text (see ContextKey): an edit re-checks one
    // file, the others are reused by equality.
    const key: ContextKey = [JSON.stringify(hints), app?.manifestPath ?? '\u0002', app?.manifest?.text ?? '', config.path ?? '', config.text ?? '', today, envExample.path, envExample.text ?? '\u0002'];
    const variants = this.cache.get(file) ?? [];
    const hit = variants.find((v) => v.text === text && sameKey(v.key, key));
    if (hit) return hit;
    const withTree = [...variants].reverse().find((v) => v.sourceFile);
    const previousTree = withTree ? { sourceFile: withTree.sourceFile!, text: withTree.text } : undefined;
    const lines = new LineIndex(text);
    const result: FileResult = { key, text, findings: [], facts: undefined, suppressions: [], lines, errors: [] };
    // variants of other texts go: their trees are re-used by the re-parse and must not be used again
    this.cache.set(file, [...variants.filter((v) => v.text === text).slice(-1), result]);
    const why = uncheckableContent(text, config.maxFileBytes);
    if (why) {
      result.notice = { file, kind: 'not-checked', message: `Not checked: ${why}` };
      return result;
    }
    const parsed = previousTree ? reparseCode(file, previousTree.sourceFile, previousTree.text, text) : parseCode(file, text);
    if (!parsed.ok) {
      result.notice = { file, kind: 'not-checked', message: `Not checked: ${parsed.reason}` };
      return result;
    }
    let model: FileModel;
    let pd: PersonalDataModel;
    const fileStart = this.clock();
    const budget = budgetFor(this.budget, text.length);
    const modelMs = budget.modelMs;
    try {
      model = new FileModel(file, text, parsed.sourceFile, { sdkModules: config.sdkModules, hints, deadline: { at: fileStart + modelMs, ms: modelMs, now: this.clock } }, this.kindsFor());
      if (this.keepTreeFor(file)) result.sourceFile = parsed.sourceFile;
      pd = new PersonalDataModel(model);
      result.facts = collectFacts(model, pd);
      if (this.clock() - fileStart > modelMs) throw new OverBudget(modelMs);
    } catch (e) {
      result.facts = undefined;
      const why = e instanceof OverBudget ? `analysing it ${e.message}` : `the analysis failed (${(e as Error).message})`;
      result.notice = { file, kind: 'not-checked', message: `Not checked: ${why}` };
      return result;
    }
    result.suppressions = findSuppressions(text, lines, this.ruleIds, today);
    // globs are relative to the config's folder, else to the app (a checkout under /home/me/test/ is not a test)
    const rel = config.path ? relativeTo(config, file) : app && file.startsWith(app.root + '/') ? file.slice(app.root.length + 1) : file.slice(file.lastIndexOf('/') + 1);
    const globs = compiledGlobs(config);
    const isTestFile = globs.tests.some((m) => m.match(rel));
    const excluded = globs.excludes.some((m) => m.match(relativeTo(config, file)));
    if (excluded) return result;

    const listeners: { rule: CodeRule; listener: ReturnType<CodeRule['create']> }[] = [];
    for (const rule of this.codeRules) {
      const setting = ruleSetting(config, rule.meta.id, { severity: rule.meta.severity, options: rule.meta.defaultOptions });
      if (setting.severity === 'off') continue;
      const severity = setting.severity;
      try {
        const listener = rule.create({
          file,
          text,
          sourceFile: parsed.sourceFile,
          model,
          personalData: pd,
          app,
          options: setting.options,
          isTestFile,
          envExample,
          report: (d: ReportDescriptor) => result.findings.push(this.codeFinding(rule, severity, file, lines, d)),
        });
        listeners.push({ rule, listener });
      } catch (e) {
        result.errors.push({ ruleId: rule.meta.id, message: (e as Error).message });
      }
    }
    // Each rule in turn walks the collected nodes of its kinds in document order, then ends: its time is
    // its own, so a rule over its budget is stopped at its next node and only its findings here are lost.
    const fileDeadline = fileStart + budget.fileMs;
    for (const { rule, listener } of listeners) {
      const started = this.clock();
      if (started > fileDeadline) {
        result.errors.push({ ruleId: rule.meta.id, message: `not run: the file ${new OverBudget(budget.fileMs).message}`, overBudget: true });
        continue;
      }
      const firstFinding = result.findings.length;
      const deadline = Math.min(started + budget.ruleMs, fileDeadline);
      try {
        dispatch(model.dispatchOrder, listener, deadline, budget.ruleMs, this.clock);
        listener.onEnd?.();
        // onEnd cannot be stopped midway: one that ran long still loses its findings
        if (this.clock() > deadline) throw new OverBudget(budget.ruleMs);
      } catch (e) {
        const overBudget = e instanceof OverBudget;
        if (overBudget) result.findings.length = firstFinding;
        result.errors.push({ ruleId: rule.meta.id, message: (e as Error).message, overBudget });
      }
    }
    return result;
  }

  private kindCache: ts.SyntaxKind[] | undefined;
  /** Node kinds any code rule listens to (found by asking each rule's listener once). */
  private kindsFor(): ts.SyntaxKind[] {
    if (this.kindCache) return this.kindCache;
    const kinds = new Set<ts.SyntaxKind>();
    const sf = ts.createSourceFile('probe.js', '', ts.ScriptTarget.Latest, true);
    const probe = new FileModel('probe.js', '', sf, { sdkModules: [] }, []);
    for (const rule of this.codeRules) {
      try {
        const l = rule.create({ file: 'probe.js', text: '', sourceFile: sf, model: probe, personalData: new PersonalDataModel(probe), app: undefined, options: rule.meta.defaultOptions ?? {}, isTestFile: false, envExample: { path: 'probe/.env.example', text: undefined }, report: () => undefined });
        for (const k of Object.keys(l)) if (/^\d+$/.test(k)) kinds.add(Number(k));
      } catch {
        // a rule that cannot even be created fails again per file and is reported there
      }
    }
    this.kindCache = [...kinds];
    return this.kindCache;
  }

  private codeFinding(rule: CodeRule, severity: Severity, file: string, lines: LineIndex, d: ReportDescriptor): Finding {
    const text = formatMessage(rule.meta.messages[d.messageId] ?? d.messageId, d.data);
    const f = this.finding(rule.meta.id, rule.meta.clauses, d.severity ?? severity, withClauses(rule.meta.clauses, text), file, lines, d.start, d.end);
    f.fixes = d.fixes ?? [];
    f.related = d.related;
    f.unnecessary = d.unnecessary;
    return f;
  }

  private appFinding(rule: AppRule, severity: Severity, app: AppInfo, d: AppReport, lineIndex: (f: string) => LineIndex, input: ProjectInput): Finding | undefined {
    const text = formatMessage(rule.meta.messages[d.messageId] ?? d.messageId, d.data);
    const message = withClauses(rule.meta.clauses, text);
    let file = d.file;
    let start = d.start ?? 0;
    let end = d.end ?? start;
    let pointer: string | undefined;
    if (d.pointer !== undefined && !d.file) {
      if (app.manifest) {
        const r = app.manifest.rangeOf(d.pointer);
        file = app.manifestPath;
        start = r.start;
        end = r.end;
        pointer = d.pointer;
      } else {
        // no manifest: report on package.json's "name", else at the top of the app folder's first file
        const pkg = app.root + '/package.json';
        const pkgText = input.files.get(pkg);
        file = pkgText !== undefined ? pkg : app.manifestPath;
        const at = pkgText ? pkgText.indexOf('"name"') : -1;
        start = Math.max(0, at);
        end = at >= 0 ? at + 6 : 0;
      }
    }
    if (!file) return undefined;
    const f = this.finding(rule.meta.id, rule.meta.clauses, d.severity ?? severity, message, file, lineIndex(file), start, end);
    f.pointer = pointer;
    f.fixes = d.fixes ?? [];
    f.related = d.related;
    f.unnecessary = d.unnecessary;
    return f;
  }

  private finding(ruleId: string, clauses: string[], severity: Severity, message: string, file: string, lines: LineIndex, start: number, end: number): Finding {
    const range = lines.range(start, Math.max(start, end));
    return { ruleId, clauses, severity, message, file, range, startOffset: start, endOffset: Math.max(start, end), fixes: [], fingerprint: fingerprint(lines, range.start.line, ruleId, message) };
  }

  private appFor(root: string, manifestPath: string, text: string | undefined): AppInfo {
    const key = `${root}\0${manifestPath}`;
    const known = this.apps.get(key);
    if (known && known.manifest?.text === text) return known;
    const app = new AppInfo(root, manifestPath, text);
    this.apps.set(key, app);
    return app;
  }

  /** This engine's analyses of `files`, as plain data for another Engine's `importResults`. */
  exportResults(files: Iterable<string>): PortableResult[] {
    const out: PortableResult[] = [];
    for (const file of files) {
      for (const r of this.cache.get(file) ?? []) out.push({ file, key: r.key, text: r.text, findings: r.findings, facts: r.facts, notice: r.notice, suppressions: r.suppressions, errors: r.errors });
    }
    return out;
  }

  /**
   * Takes over analyses made elsewhere (the indexing worker). Each one is used by the next run only where
   * the file's text and context are still the same: a stale one is simply re-analysed.
   */
  importResults(results: readonly PortableResult[]): void {
    for (const r of results) {
      const variants = this.cache.get(r.file) ?? [];
      if (variants.some((v) => v.text === r.text && sameKey(v.key, r.key))) continue; // keeps an open document's tree
      const imported: FileResult = { key: r.key, text: r.text, findings: r.findings, facts: r.facts, notice: r.notice, suppressions: r.suppressions, errors: r.errors, lines: new LineIndex(r.text) };
      this.cache.set(r.file, [...variants.filter((v) => v.text === r.text).slice(-1), imported]);
    }
  }

  /** Drops cached results for files no longer present (the server calls this on deletes). */
  forget(file: string): void {
    this.cache.delete(file);
    this.specifierCache.delete(file);
  }
}

/**
 * Calls a listener's visitors on the nodes of their kinds, in document order, looking at the clock every
 * few visits: past `deadline` it throws OverBudget, at the next node.
 */
function dispatch(order: readonly ts.Node[], listener: CodeRuleListener, deadline: number, budgetMs: number, now: () => number): void {
  const visitors: (NodeVisitor | undefined)[] = [];
  for (const k of Object.keys(listener)) {
    const kind = Number(k);
    if (Number.isInteger(kind)) visitors[kind] = listener[kind];
  }
  let untilClockCheck = VISITS_PER_CLOCK_CHECK;
  for (const node of order) {
    const visit = visitors[node.kind];
    if (visit === undefined) continue;
    visit(node);
    if (--untilClockCheck === 0) {
      untilClockCheck = VISITS_PER_CLOCK_CHECK;
      if (now() > deadline) throw new OverBudget(budgetMs);
    }
  }
}

/**
 * What a file's result depends on besides its text (hints, app, manifest, config, date, .env.example),
 * compared part by part: unchanged texts are the same string objects, so no concatenation or hashing.
 */
type ContextKey = readonly string[];

function sameKey(a: ContextKey, b: ContextKey): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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

/** Same app (object: same manifest), same facts objects (unchanged files), same paths and options, same reads. */
function sameAppRuleInputs(run: AppRuleRun, now: AppRuleInputs, files: ReadonlyMap<string, string>): boolean {
  if (run.app !== now.app || run.options !== now.options || run.today !== now.today) return false;
  if (run.index.size !== now.index.size || run.paths.length !== now.paths.length) return false;
  for (const [f, x] of now.index) if (run.index.get(f) !== x) return false;
  for (let i = 0; i < run.paths.length; i++) if (run.paths[i] !== now.paths[i]) return false;
  for (const [p, text] of run.reads) if (files.get(p) !== text) return false;
  return true;
}

/** `[B.6, C.5] message`; purely structural findings (no clause) carry no prefix. */
function withClauses(clauses: readonly string[], text: string): string {
  return clauses.length ? `[${clauses.join(', ')}] ${text}` : text;
}

type EnvExample = CodeRuleContext['envExample'];

/** Env-var fixes add lines to the app's `.env.example`; its text is part of each file's cache key. */
function envExampleOf(app: AppInfo | undefined, input: ProjectInput): EnvExample {
  const path = `${app?.root ?? trimTrailing(input.root, '/')}/.env.example`;
  return { path, text: input.files.get(path) };
}

/**
 * Per line, the fingerprints already made: a finding's fingerprint hashes its whole (normalised) line, so
 * 20,000 findings on one 600 kB generated line would hash 12 GB; the same rule and message there is one hash.
 */
const fingerprintsByLine = new WeakMap<LineIndex, Map<string, string>>();
function fingerprint(lines: LineIndex, line: number, ruleId: string, message: string): string {
  let known = fingerprintsByLine.get(lines);
  if (!known) fingerprintsByLine.set(lines, (known = new Map()));
  const key = `${line}\0${ruleId}\0${message}`;
  let f = known.get(key);
  if (f === undefined) {
    const lineText = lines.lineText(line).trim().replace(/\s+/g, ' ');
    known.set(key, (f = hash(`${ruleId}\0${lineText}\0${message}`).slice(0, 16)));
  }
  return f;
}

// one-shot hashing (Node ≥ 20.12) costs a third of a Hash object per finding; same digest
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
function hash(s: string): string {
  return oneShot ? oneShot('sha1', s) : createHash('sha1').update(s).digest('hex');
}

const globCache = new WeakMap<ResolvedConfig, { tests: Minimatch[]; excludes: Minimatch[] }>();
/** Test and exclude globs compiled once per config (minimatch() compiles on every call). */
function compiledGlobs(config: ResolvedConfig): { tests: Minimatch[]; excludes: Minimatch[] } {
  let g = globCache.get(config);
  if (!g) {
    const excludes = (config.raw.exclude ?? []).flatMap((ex) => (typeof ex !== 'string' && ex.reason?.trim() ? [new Minimatch(ex.glob, { dot: true })] : []));
    g = { tests: config.testGlobs.map((t) => new Minimatch(t, { dot: true })), excludes };
    globCache.set(config, g);
  }
  return g;
}

function relativeTo(config: ResolvedConfig, file: string): string {
  if (!config.path) return file;
  const dir = config.path.slice(0, config.path.lastIndexOf('/'));
  return file.startsWith(dir + '/') ? file.slice(dir.length + 1) : file;
}

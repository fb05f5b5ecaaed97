// One code file's analysis: parse (incrementally from a kept tree), model, facts, suppression comments, then
// each code rule in turn over the nodes of its kinds, within its time budget and the file's.
import { Minimatch } from 'minimatch';
import type { AppInfo } from '../app';
import { budgetFor, OverBudget, type AnalysisBudget } from '../budget';
import { ruleSetting, type ResolvedConfig } from '../config';
import { collectFacts } from '../model/facts';
import { FileModel, type FileHints } from '../model/file-model';
import { PersonalDataModel } from '../model/personal-data';
import { parseCode, reparseCode, uncheckableContent } from '../parse';
import { findSuppressions } from '../suppressions';
import type { CodeRule, FileTrait } from '../rule';
import { ts } from '../ts';
import type { CodeRuleListener, Finding, ReportDescriptor } from '../types';
import { exportedWebhookVerifiers } from '../webhook/verifier-exports';
import { exportedCredentials } from '../lexicon/credentials/exported-credentials';
import { applies, fileTraits } from './file-traits';
import { codeFinding } from './findings';
import { dispatch, DispatchNodes, slicesInside } from './dispatch';
import { groupByStatement, isStatementLocal, movedFinding, planStatements, sameContextButHints, type StatementFindings, type StatementPlan } from './statement-reuse';
import type { ContextKey, EnvExample, FileResult } from './types';

/** Where a file is analysed: everything its result depends on besides its text. */
export interface FileContext {
  app: AppInfo | undefined;
  config: ResolvedConfig;
  hints: FileHints;
  today: string;
  envExample: EnvExample;
}

/** The engine's side of an analysis: its rules and its (replaceable) budget, clock and tree policy. */
export interface AnalysisSettings {
  codeRules: readonly CodeRule[];
  ruleIds: ReadonlySet<string>;
  budget: AnalysisBudget;
  clock: () => number;
  keepTreeFor: (path: string) => boolean;
  /** Node kinds any code rule listens to. */
  nodeKinds: () => ts.SyntaxKind[];
  /** Told how long each step took (`parse`, `model`, `facts`, `suppressions`, `rule <id>`): the benchmark's split. */
  onTiming?: (step: string, ms: number) => void;
  /** Run every rule on every file, whatever it requires (`meta.requires`): the gating's differential test. */
  ungated?: boolean;
}

/** A rule's listener on one file, with the dispatched node kinds it has visitors for. */
type Listener = { rule: CodeRule; listener: CodeRuleListener; kinds: ts.SyntaxKind[] };

/** An earlier version's analysis of the file: its tree to re-parse from, and what statement-local rules found. */
export interface PreviousAnalysis {
  sourceFile: ts.SourceFile;
  text: string;
  statements?: StatementFindings;
}

export function contextKey(ctx: FileContext): ContextKey {
  const { hints, app, config, today, envExample } = ctx;
  return [JSON.stringify(hints), app?.manifestPath ?? '\u0002', app?.manifest ? app.manifest.text : '\u0002', config.path ?? '', config.text ?? '', today, envExample.path, envExample.text ?? '\u0002'];
}

/**
 * Fills `result` (already cached under its text and key) with the file's analysis. `previousTree` is an
 * earlier version's analysis: its tree is re-parsed from incrementally, and the findings of statement-local
 * rules in the statements the edit left alone are taken over.
 */
export function analyzeInto(result: FileResult, file: string, previousTree: PreviousAnalysis | undefined, ctx: FileContext, settings: AnalysisSettings): void {
  const { text, lines } = result;
  const { app, config, hints, today } = ctx;
  const why = uncheckableContent(text, config.maxFileBytes);
  if (why) {
    result.notice = { file, kind: 'not-checked', message: `Not checked: ${why}` };
    return;
  }
  const { clock, onTiming } = settings;
  const parseStart = onTiming ? clock() : 0;
  const parsed = previousTree ? reparseCode(file, previousTree.sourceFile, previousTree.text, text) : parseCode(file, text);
  onTiming?.('parse', clock() - parseStart);
  if (!parsed.ok) {
    result.notice = { file, kind: 'not-checked', message: `Not checked: ${parsed.reason}` };
    return;
  }
  let model: FileModel;
  let personalData: () => PersonalDataModel;
  const fileStart = clock();
  const budget = budgetFor(settings.budget, text.length);
  const modelMs = budget.modelMs;
  try {
    model = new FileModel(file, text, parsed.sourceFile, { sdkModules: config.sdkModules, hints, deadline: { at: fileStart + modelMs, ms: modelMs, now: clock }, acrossVersions: settings.keepTreeFor(file) }, settings.nodeKinds());
    if (settings.keepTreeFor(file)) result.sourceFile = parsed.sourceFile;
    const built = model;
    let pd: PersonalDataModel | undefined;
    personalData = () => (pd ??= new PersonalDataModel(built));
    const factsStart = onTiming ? clock() : 0;
    onTiming?.('model', factsStart - fileStart);
    // only an app's manifest rules read the facts about personal data: elsewhere they are not worked out
    result.facts = collectFacts(model, app?.hasManifest ? personalData : undefined);
    result.facts.webhookVerifiers = exportedWebhookVerifiers(model, hints.webhookVerifiers);
    result.facts.exportedCredentials = exportedCredentials(model);
    onTiming?.('facts', clock() - factsStart);
    if (clock() - fileStart > modelMs) throw new OverBudget(modelMs);
  } catch (e) {
    result.facts = undefined;
    const why = e instanceof OverBudget ? `analysing it ${e.message}` : `the analysis failed (${(e as Error).message})`;
    result.notice = { file, kind: 'not-checked', message: `Not checked: ${why}` };
    return;
  }
  const suppressionsStart = onTiming ? clock() : 0;
  result.suppressions = findSuppressions(text, lines, settings.ruleIds, today);
  onTiming?.('suppressions', clock() - suppressionsStart);
  // globs are relative to the config's folder, else to the app (a checkout under /home/me/test/ is not a test)
  const rel = config.path ? relativeTo(config, file) : app && file.startsWith(app.root + '/') ? file.slice(app.root.length + 1) : file.slice(file.lastIndexOf('/') + 1);
  const globs = compiledGlobs(config);
  const isTestFile = globs.tests.some((m) => m.match(rel));
  const excluded = globs.excludes.some((m) => m.match(relativeTo(config, file)));
  if (excluded) return;

  const traits = settings.ungated ? undefined : fileTraits(model, app);
  const listeners = createListeners(result, file, { ...ctx, sourceFile: parsed.sourceFile, model, personalData, isTestFile }, settings, traits);
  const previous = previousTree?.statements;
  const plan = previous && sameContextButHints(previous.key, result.key) ? planStatements(parsed.sourceFile, text, previous) : undefined;

  const firstFresh = result.findings.length;
  runListeners(result, listeners, model, fileStart, budget, settings, plan);
  const fresh = result.findings.slice(firstFresh);
  const kept = new Map<ts.Statement, Finding[]>();
  if (plan) {
    // a rule that failed here loses its findings here, the kept ones too; so does one the file no longer has what it requires for
    const failed = new Set(result.errors.map((e) => e.ruleId));
    const running = new Set(listeners.map((l) => l.rule.meta.id));
    for (const [st, { delta, findings }] of plan.kept) {
      const moved = findings.filter((f) => !failed.has(f.ruleId) && running.has(f.ruleId)).map((f) => movedFinding(f, delta, file, previous!.lines, lines));
      kept.set(st, moved);
      result.findings.push(...moved);
    }
  }
  if (settings.keepTreeFor(file)) result.statements = statementFindings(result, parsed.sourceFile, listeners, kept, fresh);
}

/** What the next version's analysis may take over: undefined when a statement-local rule failed or reported outside every statement. */
function statementFindings(result: FileResult, sourceFile: ts.SourceFile, listeners: readonly Listener[], kept: ReadonlyMap<ts.Statement, Finding[]>, fresh: readonly Finding[]): StatementFindings | undefined {
  const local = new Set(listeners.filter((l) => isStatementLocal(l.rule)).map((l) => l.rule.meta.id));
  if (!local.size || result.errors.some((e) => local.has(e.ruleId))) return undefined;
  const byStatement = groupByStatement(sourceFile, kept, fresh.filter((f) => local.has(f.ruleId)));
  return byStatement && { key: result.key, text: result.text, lines: result.lines, byStatement };
}

/** Each enabled code rule's listener for the file; a rule that fails to create one is a rule error. */
function createListeners(
  result: FileResult,
  file: string,
  ctx: FileContext & { sourceFile: ts.SourceFile; model: FileModel; personalData: () => PersonalDataModel; isTestFile: boolean },
  settings: AnalysisSettings,
  traits: ReadonlySet<FileTrait> | undefined,
): Listener[] {
  const listeners: Listener[] = [];
  const dispatched = settings.nodeKinds();
  for (const rule of settings.codeRules) {
    // a file without what the rule requires cannot give it anything to report
    if (traits && !applies(rule.meta.requires, traits)) continue;
    const setting = ruleSetting(ctx.config, rule.meta.id, { severity: rule.meta.severity, options: rule.meta.defaultOptions });
    if (setting.severity === 'off') continue;
    const severity = setting.severity;
    const started = settings.onTiming ? settings.clock() : 0;
    try {
      const listener = rule.create({
        file,
        text: result.text,
        sourceFile: ctx.sourceFile,
        model: ctx.model,
        // built on a rule's first question: most files' rules never ask
        get personalData() {
          return ctx.personalData();
        },
        app: ctx.app,
        options: setting.options,
        isTestFile: ctx.isTestFile,
        envExample: ctx.envExample,
        hints: ctx.hints,
        report: (d: ReportDescriptor) => result.findings.push(codeFinding(rule, severity, file, result.lines, d)),
      });
      // only kinds in the dispatch order: the model also collects kinds of its own, which no rule was promised
      listeners.push({ rule, listener, kinds: kindsOf(listener).filter((k) => dispatched.includes(k)) });
    } catch (e) {
      result.errors.push({ ruleId: rule.meta.id, message: (e as Error).message });
    }
    settings.onTiming?.(`rule ${rule.meta.id}`, settings.clock() - started);
  }
  return listeners;
}

/**
 * Each rule in turn walks the collected nodes of its kinds in document order, then ends: its time is
 * its own, so a rule over its budget is stopped at its next node and only its findings here are lost.
 */
function runListeners(result: FileResult, listeners: readonly Listener[], model: FileModel, fileStart: number, budget: AnalysisBudget, settings: AnalysisSettings, plan: StatementPlan | undefined): void {
  const { clock, onTiming } = settings;
  const fileDeadline = fileStart + budget.fileMs;
  const nodes = new DispatchNodes(model);
  for (const { rule, listener, kinds } of listeners) {
    const started = clock();
    if (started > fileDeadline) {
      result.errors.push({ ruleId: rule.meta.id, message: `not run: the file ${new OverBudget(budget.fileMs).message}`, overBudget: true });
      continue;
    }
    const firstFinding = result.findings.length;
    const deadline = Math.min(started + budget.ruleMs, fileDeadline);
    try {
      const run = nodes.forKinds(kinds);
      // statement-local rules look again only at the statements the edit changed
      const slices = plan && isStatementLocal(rule) ? slicesInside(run.nodes, plan.changed) : undefined;
      dispatch(run, listener, kinds, slices, deadline, budget.ruleMs, clock);
      listener.onEnd?.();
      // onEnd cannot be stopped midway: one that ran long still loses its findings
      if (clock() > deadline) throw new OverBudget(budget.ruleMs);
    } catch (e) {
      const overBudget = e instanceof OverBudget;
      if (overBudget) result.findings.length = firstFinding;
      result.errors.push({ ruleId: rule.meta.id, message: (e as Error).message, overBudget });
    }
    onTiming?.(`rule ${rule.meta.id}`, clock() - started);
  }
}

/** The node kinds a listener has visitors for. */
function kindsOf(listener: CodeRuleListener): ts.SyntaxKind[] {
  const kinds: ts.SyntaxKind[] = [];
  for (const k of Object.keys(listener)) {
    const kind = Number(k);
    if (Number.isInteger(kind) && listener[kind] !== undefined) kinds.push(kind);
  }
  return kinds;
}

/** Node kinds any of `codeRules` listens to (found by asking each rule's listener once). */
export function listenedKinds(codeRules: readonly CodeRule[]): ts.SyntaxKind[] {
  const kinds = new Set<ts.SyntaxKind>();
  const sf = ts.createSourceFile('probe.js', '', ts.ScriptTarget.Latest, true);
  const probe = new FileModel('probe.js', '', sf, { sdkModules: [] }, []);
  for (const rule of codeRules) {
    try {
      const l = rule.create({ file: 'probe.js', text: '', sourceFile: sf, model: probe, personalData: new PersonalDataModel(probe), app: undefined, options: rule.meta.defaultOptions ?? {}, isTestFile: false, envExample: { path: 'probe/.env.example', text: undefined }, hints: {}, report: () => undefined });
      for (const k of Object.keys(l)) if (/^\d+$/.test(k)) kinds.add(Number(k));
    } catch {
      // a rule that cannot even be created fails again per file and is reported there
    }
  }
  return [...kinds];
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

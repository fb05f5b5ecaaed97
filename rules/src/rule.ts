import type { ts } from 'ts-morph';
import type { AppInfo } from './app';
import type { JsonDocument } from './manifest/json-document';
import type { FileFacts } from './model/facts';
import type { FileHints, FileModel } from './model/file-model';
import type { PersonalDataModel } from './model/personal-data';
import type { CodeRuleListener, Fix, RelatedLocation, ReportDescriptor, RuleMetaBase, Severity } from './types';

export interface RuleMeta extends RuleMetaBase {
  /** Where the rule looks: JS/TS code, or the app (manifest, package.json, repository files, index). */
  target: 'code' | 'manifest' | 'package' | 'repository' | 'code+manifest';
  /**
   * 'statement': the code rule reports only from its node visitors, each finding (and its related places and
   * fix edits in the file) inside the visited node's top-level statement, and what it finds there follows from that statement's text and the file's context
   * (path, app, config, options) alone, never from the file model (values, SDK bindings) or other statements.
   * An edit of an open file then re-runs it only on the statements the edit changed. Unset: the whole file.
   */
  reuse?: 'statement';
  /**
   * What a file must have for the code rule to find anything in it (any one of these): the engine skips the rule
   * on files that have none, decided from the model it builds anyway. Declare only what every report of the
   * rule follows from (its visitors and onEnd report nothing without it). Unset: every file.
   */
  requires?: readonly FileTrait[];
}

/**
 * What a file can have that a rule may require (see `RuleMeta.requires`):
 * `sdk-calls`: calls the SDK model classified (sends, resources, webhooks, subscriptions …);
 * `sdk`: those, or the SDK loaded or an instance reaching the file (imports, hints, handler parameters);
 * `http-calls`: calls the HTTP model recognised (fetch, axios, got, request …);
 * `manifest`: the file belongs to an app whose manifest could be read;
 * `channel-package`: the file loads a messaging package of rules/data/channel-sends.json (Twilio, nodemailer …).
 */
export type FileTrait = 'sdk-calls' | 'sdk' | 'http-calls' | 'manifest' | 'channel-package';

export interface CodeRuleContext {
  readonly file: string;
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
  readonly model: FileModel;
  readonly personalData: PersonalDataModel;
  /** The app the file belongs to (its manifest may be absent or broken). */
  readonly app: AppInfo | undefined;
  readonly options: Readonly<Record<string, unknown>>;
  /** The file matches the configured test globs: rules may lower severity or skip. */
  readonly isTestFile: boolean;
  /** The `.env.example` beside the app's manifest (the run root for files outside every app), for env-var fixes. */
  readonly envExample: { readonly path: string; readonly text: string | undefined };
  /** What the project index tells the file about its neighbours (the model is already built with it). */
  readonly hints: FileHints;
  report(d: ReportDescriptor): void;
}

export interface CodeRule {
  readonly kind: 'code';
  readonly meta: RuleMeta;
  create(context: CodeRuleContext): CodeRuleListener;
}

export interface AppReport {
  messageId: string;
  data?: Record<string, string | number>;
  /** A manifest finding: the JSON pointer (an absent field reports on its parent key). */
  pointer?: string;
  /** Or a location in another file of the app (package.json, a code file, .gitignore …). */
  file?: string;
  start?: number;
  end?: number;
  fixes?: Fix[];
  severity?: Severity;
  /** The clauses this finding cites, when the rule's clauses do not all apply to each of its findings (a subset of meta.clauses). */
  clauses?: string[];
  related?: RelatedLocation[];
  unnecessary?: boolean;
}

export interface AppIndex {
  /** Facts of every code file bound to the app, by absolute path. */
  readonly files: ReadonlyMap<string, FileFacts>;
}

export interface AppRuleContext {
  readonly app: AppInfo;
  readonly manifest: JsonDocument | undefined;
  readonly index: AppIndex;
  readonly options: Readonly<Record<string, unknown>>;
  readonly now: Date;
  /** Text of a file of the app given to the engine (package.json, .gitignore …), by absolute path. */
  readFile(path: string): string | undefined;
  /** Every path the engine was told exists in the app (including files it does not read). */
  readonly paths: readonly string[];
  report(d: AppReport): void;
}

export interface AppRule {
  readonly kind: 'app';
  readonly meta: RuleMeta;
  check(context: AppRuleContext): void;
}

export type Rule = CodeRule | AppRule;

/** The one way to define a rule: the id and docs URL come from the meta, never hand-written twice. */
export function createCodeRule(def: { meta: RuleMeta; create: CodeRule['create'] }): CodeRule {
  return { kind: 'code', ...def };
}

export function createAppRule(def: { meta: RuleMeta; check: AppRule['check'] }): AppRule {
  return { kind: 'app', ...def };
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (k in data ? String(data[k]) : `{{${k}}}`));
}

// The engine's vocabulary: what a run takes, what it gives back, and what it keeps per file between runs.
import type { AppInfo } from '../app';
import type { ResolvedConfig } from '../config';
import type { FileFacts } from '../model/facts';
import type { CodeRuleContext } from '../rule';
import type { LineIndex } from '../positions';
import type { SuppressionComment } from '../suppressions';
import type { StatementFindings } from './statement-reuse';
import type { ts } from '../ts';
import type { Finding, Notice } from '../types';

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

export interface FileResult {
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
  /** For kept trees: the statement-local rules' findings by top-level statement, for the next version to take over. */
  statements?: StatementFindings;
}

/**
 * What a file's result depends on besides its text (hints, app, manifest, config, date, .env.example),
 * compared part by part: unchanged texts are the same string objects, so no concatenation or hashing.
 */
export type ContextKey = readonly string[];

export type EnvExample = CodeRuleContext['envExample'];

/** A run given up because its caller no longer wants it (runAsync's `cancelled`). */
export class RunCancelled extends Error {
  constructor() {
    super('The run was cancelled');
  }
}

export const INVALID_SUPPRESSION_ID = 'invalid-suppression';

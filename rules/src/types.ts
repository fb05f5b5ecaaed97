import type { ts } from 'ts-morph';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** 0-based line and UTF-16 character, as LSP counts them. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** A text edit by offsets into one file; `create` means the file may not exist yet. */
export interface FileEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  description: string;
  edits: FileEdit[];
  /** Files the fix creates when they are missing (their whole content is the one insert at 0). */
  creates?: string[];
  /** Safe fixes only touch the finding's own file and may run on save (fixAll). */
  safe: boolean;
}

export interface Suppression {
  kind: 'inSource' | 'external';
  justification: string;
  until?: string;
  /** Where the suppression itself lives (file and 1-based line), for the report. */
  location?: { file: string; line: number };
}

export interface RelatedLocation { file: string; range: Range; message: string }

export interface Finding {
  ruleId: string;
  clauses: string[];
  severity: Severity;
  message: string;
  /** Absolute path with forward slashes. */
  file: string;
  range: Range;
  startOffset: number;
  endOffset: number;
  /** For manifest findings: JSON pointer of the offending (or parent of the absent) value. */
  pointer?: string;
  fixes: Fix[];
  related?: RelatedLocation[];
  /** The finding marks something that can go (e.g. an unused scope). */
  unnecessary?: boolean;
  suppression?: Suppression;
  /** Stable across unrelated edits: rule id + normalised source of the line + occurrence. */
  fingerprint?: string;
}

/** A file the engine read but could not check (too deep, binary, too large …). */
export interface Notice {
  file: string;
  kind: 'not-checked' | 'internal-error' | 'config';
  message: string;
  ruleId?: string;
}

export interface RuleDocsMeta {
  /** One line: what the rule finds. */
  description: string;
}

export interface RuleMetaBase extends RuleDocsMeta {
  id: string;
  clauses: string[];
  severity: Severity;
  messages: Record<string, string>;
  fixable: boolean;
  /** GitHub's security-severity (0–10) for security rules. */
  securitySeverity?: number;
  /** Option defaults; `.policylens.json` may override them per rule. */
  defaultOptions?: Record<string, unknown>;
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  start: number;
  end: number;
  fixes?: Fix[];
  severity?: Severity;
  related?: RelatedLocation[];
  unnecessary?: boolean;
  /** The clauses this finding cites, when a rule's clauses do not all apply to each of its findings (a subset of meta.clauses). */
  clauses?: string[];
}

export type NodeVisitor = (node: ts.Node) => void;
export interface CodeRuleListener {
  [kind: number]: NodeVisitor;
  /** Called after the walk of the file. */
  onEnd?: () => void;
}

export type RuleKind = 'code' | 'app';

// The contract between the VS Code client and the language server: method names, command ids and
// payload shapes. Plain strings and interfaces only, so the client bundle imports no server code.

/** Settings under `policyLens.*`, pulled per resource with workspace/configuration. */
export interface PolicyLensSettings {
  enable: boolean;
  /** Check while typing, or only when a file is saved. */
  run: 'onType' | 'onSave';
}
export const DEFAULT_SETTINGS: PolicyLensSettings = { enable: true, run: 'onType' };

/** What the client tells the server at start (initializationOptions). */
export interface InitOptions {
  /** Client-side commands the server may put into code actions (VS Code supports all of them). */
  clientCommands?: string[];
  /** Restricted Mode: read only, never load workspace-provided code (nothing here does; kept explicit). */
  trusted?: boolean;
  settings?: Partial<PolicyLensSettings>;
}

/** Server → client notification after every check. */
export const STATUS_NOTIFICATION = 'policyLens/status';
export interface StatusParams {
  state: 'idle' | 'checking' | 'error';
  errors: number;
  warnings: number;
  infos: number;
  files: number;
  /** ISO time of the last finished check. */
  lastCheck?: string;
  message?: string;
}

/** Client → server: check every file of every workspace folder; findings of closed files are published. */
export const CHECK_WORKSPACE_REQUEST = 'policyLens/checkWorkspace';
export interface CheckWorkspaceResult { files: number; findings: number; durationMs: number }

/** Client → server: everything needed to explain a rule offline. */
export const RULE_INFO_REQUEST = 'policyLens/ruleInfo';
export interface RuleInfoParams { id: string }
export interface RuleInfo {
  id: string;
  description: string;
  severity: string;
  clauses: { id: string; text: string }[];
  docsUrl?: string;
  /** The rule's markdown doc when shipped. */
  doc?: string;
}
export const RULE_LIST_REQUEST = 'policyLens/rules';
export interface RuleSummary { id: string; description: string; clauses: string[] }

/** Client → server: the compliance report (Markdown) for the workspace folder containing `uri` (or the first). */
export const REPORT_REQUEST = 'policyLens/report';
export interface ReportParams { uri?: string }
export interface ReportResult { markdown: string }

/** Client commands the server may reference in code actions and code lenses. */
export const CLIENT_COMMANDS = {
  /** Inserts a suppression snippet with the cursor on the reason: (uri, line, ruleId). */
  suppressWithReason: 'policyLens.suppressWithReason',
  /** Shows a rule's documentation: (ruleId). */
  explainRule: 'policyLens.explainRule',
  /** Shows call sites (uri, position, locations) — VS Code's peek view. */
  showReferences: 'policyLens.showReferences',
} as const;

/** Commands the server executes itself (workspace/executeCommand), for clients without ours. */
export const SERVER_COMMANDS = {
  showDocumentation: 'policyLens.server.showDocumentation',
} as const;

/** Data attached to every diagnostic so code actions can find the finding and refuse stale ones. */
export interface DiagnosticData { key: string; version: number | null }

/** Code action kind of "fix all safe problems" (runs on save with editor.codeActionsOnSave). */
export const FIX_ALL_KIND = 'source.fixAll.policyLens';

/** Benchmarks only: the server's memory after an optional GC (node --expose-gc). */
export const MEMORY_REQUEST = 'policyLens/memory';
export interface MemoryResult { heapUsed: number; rss: number; files: number }

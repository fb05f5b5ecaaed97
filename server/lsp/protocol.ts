// The contract between the VS Code client and the language server: typed request and notification objects,
// command ids and payload shapes. Both sides register and send through the objects, so a client's request is
// checked against the server's handler. The only runtime import is vscode-languageserver-protocol, which the
// client bundle has anyway (vscode-languageclient is built on it): the client bundle imports no server code.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

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
  /** The client completes and validates web1on1-app.json from the JSON schema: no server completion then. */
  manifestSchema?: boolean;
}

/** Server → client notification after every check. */
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
export const StatusNotification = new NotificationType<StatusParams>('policyLens/status');

/**
 * Client → server: re-read and check every file of every workspace folder. The counts are those of the
 * diagnostics the server publishes (the Problems panel), the same the status notification carries.
 */
export interface CheckWorkspaceResult { files: number; findings: number; errors: number; warnings: number; infos: number; durationMs: number }
export const CheckWorkspaceRequest = new RequestType0<CheckWorkspaceResult, void>('policyLens/checkWorkspace');

/**
 * Client → server: the text of a first web1on1-app.json for the app in `folder` (what `policy-lens init`
 * writes: the scopes the code needs, reasons to fill in). The client writes the file; the server writes nothing.
 */
export interface InitialManifestParams {
  /** A workspace folder or an app folder inside one (file: URI). */
  folder: string;
}
export type InitialManifestResult =
  | { ok: true; uri: string; text: string; scopes: number }
  /** `existing`: the app already has a manifest (its URI). `choices`: several apps in the folder lack one (their folder URIs). */
  | { ok: false; message: string; existing?: string; choices?: string[] };
export const InitialManifestRequest = new RequestType<InitialManifestParams, InitialManifestResult, void>('policyLens/initialManifest');

/** Client → server: everything needed to explain a rule offline. */
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
export const RuleInfoRequest = new RequestType<RuleInfoParams, RuleInfo | null, void>('policyLens/ruleInfo');
export interface RuleSummary { id: string; description: string; clauses: string[] }
export const RuleListRequest = new RequestType0<RuleSummary[], void>('policyLens/rules');

/** Client → server: the compliance report (Markdown) for the workspace folder containing `uri` (or the first). */
export interface ReportParams { uri?: string }
export interface ReportResult { markdown: string }
export const ReportRequest = new RequestType<ReportParams, ReportResult, void>('policyLens/report');

/**
 * Client → server: the compliance report as a file's content (Markdown or HTML), from the same function
 * `policy-lens report` runs, so an export and the CLI's output are byte-identical for the same files.
 */
export interface ExportReportParams {
  /** A file or folder in the project to report on (the first workspace folder when absent). */
  uri?: string;
  format: 'markdown' | 'html';
  /** The run's date as YYYY-MM-DD (the CLI's `--now`); today when absent. */
  now?: string;
}
export type ExportReportResult = { ok: true; text: string; root: string } | { ok: false; message: string };
export const ExportReportRequest = new RequestType<ExportReportParams, ExportReportResult, void>('policyLens/exportReport');

/** Client → server: how the listing of the manifest at `uri` reads to a dealer ("Preview listing"). */
export interface ListingParams {
  /** The manifest (web1on1-app.json). */
  uri: string;
  /** `policyLens.listing.compareRef`: a branch, tag or commit; empty means the latest tag, else HEAD. */
  compareRef?: string;
  /** vscode.workspace.isTrusted at the time of the request: git history is read only when trusted. */
  trusted: boolean;
}
export type PersonalDataClass = 'consumer' | 'staff' | 'secret' | 'none' | 'unknown';
export interface ListingAbility {
  scope: string;
  /** Plain words from the scope catalog: "read your contacts (consumers’ names, …)". */
  text: string;
  personalData: PersonalDataClass;
  /** The class in words ("consumers’ personal data"). */
  personalDataText: string;
  reason?: string;
  /** False for a scope the catalog does not know. */
  known: boolean;
  /** What the code shows of it ("Seen in the code: bot.js:12"); absent for a name nothing can need. */
  codeUse?: ListingCodeUse;
}
export interface ListingCodeUse { state: ScopeStateName; text: string }
/** How far the analysis could follow the app's code: what the listing may claim about it. */
export interface ListingCodeEvidence {
  /** False when the SDK instance was lost somewhere: what the app does beyond what was seen could not be determined. */
  complete: boolean;
  /** The note a dealer reads over the list of what the app can do. */
  text: string;
  /** Where the instance was lost, with a workspace-relative `where` ("src/index.ts:12") for display. */
  lost: { what: string; where: string; uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}
export interface ListingLink {
  label: string;
  /** As written in the manifest (shown as text; never fetched). */
  value: string;
  /** What a click opens (https: or mailto:), absent when the value is not usable. */
  href?: string;
  /** Why the value is not usable (form only), e.g. "not https (http)". */
  problem?: string;
}
export interface ListingFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  uri: string;
  /** 0-based LSP range. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** Workspace-relative file and 1-based line, for display. */
  where: string;
}
export interface ListingChecklistItem {
  clause: string;
  sectionTitle: string;
  clauseText: string;
  /** The compliance report's status words: "findings", "no findings", "attested", "not attested", … never "passed". */
  status: string;
  /** The report's detail labels ("no findings (3 rules over 4 files)"). */
  detail: string;
  tone: 'findings' | 'open' | 'quiet';
  /** Up to a few open findings citing the clause. */
  findings: ListingFinding[];
  moreFindings: number;
}
export interface ScopeChange { scope: string; text: string; personalData: PersonalDataClass; personalDataText: string }
export type PermissionImpact =
  | { state: 'off'; reason: string }
  | { state: 'unavailable'; reason: string }
  | { state: 'compared'; ref: string; commit: string; manifestExisted: boolean; added: ScopeChange[]; dropped: ScopeChange[] };
export interface ListingModel {
  manifestUri: string;
  /** Workspace-relative path of the manifest. */
  manifestPath: string;
  /** Set when the manifest cannot be read as an object: the rest is empty. */
  problem?: string;
  /** Set when the manifest has JSON errors but parts of it could be read (a half-typed edit). */
  notice?: string;
  name?: string;
  version?: string;
  description?: string;
  shortDescription?: string;
  category?: string;
  marketplace?: string;
  developer?: { name?: string; email?: string; url?: string };
  tokenRole?: string;
  /** `listing.icon` as written: the client resolves and checks it (workspace-relative file). */
  icon?: string;
  abilities: ListingAbility[];
  /** Absent when the manifest cannot be read. */
  codeEvidence?: ListingCodeEvidence;
  dataProtection?: { personalData: string[]; lawfulBasis?: string; retentionDays?: number; erasure?: string; thirdParties: { name: string; purpose?: string; host?: string }[] };
  links: ListingLink[];
  checklist: ListingChecklistItem[];
  summary: { findings: number; notAttested: number; quiet: number };
  impact: PermissionImpact;
  /** ISO time of the engine run the model comes from. */
  checkedAt: string;
}
export type ListingResult = { ok: true; model: ListingModel } | { ok: false; message: string };
export const ListingRequest = new RequestType<ListingParams, ListingResult, void>('policyLens/listing');

/**
 * Client → server: what the manifest form shows beside its fields, from the same run as the diagnostics:
 * the manifest's findings by JSON pointer, the call sites that need each scope, and the scopes the code
 * needs but the manifest does not declare.
 */
export interface ManifestStateParams { uri: string }
export interface ManifestFinding {
  /** JSON pointer of the field (an absent field's own pointer); '' for the file as a whole. */
  pointer: string;
  ruleId: string;
  clauses: string[];
  severity: 'error' | 'warning' | 'info';
  message: string;
}
export interface ScopeCallSite {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  evidence: string;
}
/**
 * What the code shows of a declared scope, as scope-unused weighs it: a call site or webhook event needs it
 * (`used`), every path of the SDK instance and of every API client was followed and none needs it (`unused`), or
 * the analysis lost the instance somewhere and cannot say (`cannot-tell`: never offer to remove it).
 */
export type ScopeStateName = 'used' | 'unused' | 'cannot-tell';
export interface DeclaredScopeState {
  scope: string;
  /** JSON pointer of the entry in `scopes`. */
  pointer: string;
  state: ScopeStateName;
  /** Call sites whose need the scope covers (its own and narrower ones), in file order. */
  callSites: ScopeCallSite[];
  /** Webhook events of the manifest that need it. `used` with no call site and no event: a wildcard subscription. */
  events: string[];
}
/** Where the SDK instance or an API client leaves what the analysis can follow. */
export interface EvidenceLostPlace {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** In words: "the SDK instance is passed to `loadModules`, which Policy Lens cannot follow". */
  what: string;
}
export interface ManifestStateResult {
  /** Version of the manifest document the findings were computed from; null when read from disk. */
  version: number | null;
  findings: ManifestFinding[];
  /** Call sites per scope name, declared or not. */
  callSites: Record<string, ScopeCallSite[]>;
  /** Scopes call sites need that the manifest does not declare (the scope-missing findings), covering ones only. */
  missingScopes: { scope: string; ruleId: string; clauses: string[] }[];
  /** Each declared scope of the catalog, in manifest order (wildcards and unknown names have no state). */
  scopeStates: DeclaredScopeState[];
  /** Every place the evidence was lost in the app's code: the reason of each `cannot-tell`. */
  evidenceLost: EvidenceLostPlace[];
}
export const ManifestStateRequest = new RequestType<ManifestStateParams, ManifestStateResult, void>('policyLens/manifestState');
/** The method name alone, for tests that speak raw JSON-RPC. */
export const MANIFEST_STATE_REQUEST = ManifestStateRequest.method;

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
export interface MemoryResult { heapUsed: number; rss: number; files: number }
export const MemoryRequest = new RequestType0<MemoryResult, void>('policyLens/memory');

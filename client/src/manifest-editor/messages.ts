// Messages between the manifest form (webview) and the extension host. Types only: both bundles import it.
/** JSON as the form sends it (the same shape as rules/src/manifest/form-edits.ts JsonValue). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A form change: one pointer, computed by the webview against the document version it shows. */
export type EditMessage =
  | { type: 'set'; id: number; pointer: string; value: JsonValue; baseVersion: number }
  | { type: 'append'; id: number; pointer: string; value: JsonValue; baseVersion: number }
  | { type: 'remove'; id: number; pointer: string; baseVersion: number };

export type FromWebview =
  | { type: 'ready' }
  | EditMessage
  | { type: 'openJson'; beside: boolean }
  /** Opens a call site the host listed (by scope and position in its own list: no paths from the webview). */
  | { type: 'openCallSite'; scope: string; index: number }
  /** Opens a call site that makes a declared scope used (by scope and position in the host's list of them). */
  | { type: 'openUsedSite'; scope: string; index: number }
  /** Opens a place where the analysis lost the SDK instance (by position in the host's list). */
  | { type: 'openLostPlace'; index: number };

export interface CatalogScope { scope: string; resource: string; description: string; personalData: string }
export interface Catalog {
  scopes: CatalogScope[];
  events: string[];
  attestations: { id: string; title: string; checklist: string }[];
  capabilities: { id: string; description: string }[];
}

export interface DocState {
  version: number;
  /** The parsed manifest; undefined when the text is not a JSON object. */
  value: Record<string, unknown> | undefined;
  /** Why the form is read-only (syntax errors, comments, trailing commas), with 1-based lines. */
  problems: { message: string; line: number; column: number }[];
}

export interface FieldFinding {
  pointer: string;
  ruleId: string;
  clauses: string[];
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface LintState {
  /** The document version the findings were computed from (null: the server had no open version). */
  version: number | null;
  findings: FieldFinding[];
  /** Call sites per scope (declared or not), as the host will open them. */
  callSites: Record<string, { label: string; evidence: string }[]>;
  /** Scopes call sites need that the manifest does not declare (scope-missing, with its clauses). */
  missing: { scope: string; ruleId: string; clauses: string[] }[];
  /** Each declared catalog scope's state by name: why it is used, or that there is no use, or that no one can tell. */
  scopeStates: Record<string, ScopeStateView>;
  /** Where the analysis lost the SDK instance ("src/index.ts:12" and what happened there): why a scope is "cannot tell". */
  lost: { label: string; what: string }[];
  /** The language server could not answer (not started, restricted …). */
  unavailable?: string;
}

export interface ScopeStateView {
  state: 'used' | 'unused' | 'cannot-tell';
  /** Call sites whose need the scope covers, as the host will open them (openUsedSite). */
  sites: { label: string; evidence: string }[];
  /** Webhook events of the manifest that need the scope. */
  events: string[];
}

export type ToWebview =
  | { type: 'init'; catalog: Catalog }
  | { type: 'doc'; doc: DocState }
  | { type: 'lint'; lint: LintState }
  /** The answer to one edit: `version` is the document's now; `onVersion` the one the edit was applied on. */
  | { type: 'ack'; id: number; applied: boolean; version: number; onVersion?: number; reason?: string };

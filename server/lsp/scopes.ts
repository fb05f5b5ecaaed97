// Manifest scopes and what the code shows of each, from the run's project index (facts per file). The state of
// a declared scope (used / unused / cannot tell) is computed by the same functions scope-unused weighs it with.
import type { AppInfo } from '../../rules/src/app';
import { SCOPE_NAMES, eventScope, scopeCovers } from '../../rules/src/data';
import { collectScopeEvidence, scopeState, type ScopeEvidence, type ScopeState } from '../../rules/src/manifest/scope-evidence';
import type { FileFacts } from '../../rules/src/model/facts';
import type { Range } from '../../rules/src/types';
import { LineIndex } from '../../rules/src/positions';
import type { Snapshot } from './project';

/** What of a run this needs: its result and the file texts it used (a snapshot, or a CLI run with its files). */
export type RunView = Pick<Snapshot, 'result' | 'files'>;

export interface ScopeUseSite { file: string; line: number; range: Range; evidence: string }
/** A place where the SDK instance or an API client leaves what the analysis can follow. */
export interface LostPlace { file: string; range: Range; what: string }
export interface ScopeEntry {
  scope: string;
  /** JSON pointer of the entry in `scopes`. */
  pointer: string;
  range: Range;
  /** Call sites that need exactly this scope. */
  uses: ScopeUseSite[];
  appRoot: string;
  /** What the evidence says; undefined for a wildcard or a name the scope catalog does not know (nothing can need it). */
  state?: ScopeState;
  /** Why it is used: call sites whose need it covers (its own and narrower ones) … */
  usedBy: ScopeUseSite[];
  /** … and the manifest's webhook events that need it. Used with neither: a wildcard event subscription may need it. */
  events: string[];
}
export interface AppScopes {
  entries: ScopeEntry[];
  /** Every place the evidence was lost in the app's code, in file order: past them any scope may be in use. */
  lost: LostPlace[];
}

/** The declared scopes of the manifest at `path` with their states, and where the evidence was lost; undefined for no manifest. */
export function appScopes(path: string, snapshot: RunView): AppScopes | undefined {
  const app = snapshot.result.apps.find((a) => a.manifestPath === path);
  if (!app?.manifest) return undefined;
  const ev = collectScopeEvidence(app, appIndex(app, snapshot));
  const lines = lineTables(snapshot);
  const site = (u: ScopeEvidence['uses'][number]): ScopeUseSite => {
    const range = lines(u.file).range(u.start, u.end);
    return { file: u.file, line: range.start.line, range, evidence: u.evidence };
  };
  const manifestLines = new LineIndex(app.manifest.text);
  const entries = app.declaredScopes().map((s): ScopeEntry => {
    const r = app.manifest!.rangeOf(s.pointer);
    const entry: ScopeEntry = {
      scope: s.scope,
      pointer: s.pointer,
      range: manifestLines.range(r.start, r.end),
      uses: ev.uses.filter((u) => u.scope === s.scope).map(site),
      appRoot: app.root,
      usedBy: [],
      events: [],
    };
    if (!SCOPE_NAMES.has(s.scope)) return entry;
    entry.state = scopeState(s.scope, ev);
    entry.usedBy = ev.uses.filter((u) => scopeCovers(s.scope, u.scope)).map(site);
    entry.events = ev.manifestEvents.filter((e) => {
      const needs = eventScope(e);
      return needs !== undefined && needs !== 'wildcard' && scopeCovers(s.scope, needs);
    });
    return entry;
  });
  const lost = ev.lost.map((l) => ({ file: l.file, range: lines(l.file).range(l.start, l.end), what: l.what }));
  return { entries, lost };
}

/** Every call site of the app's code (files bound to the app at `appRoot`) by the scope it needs. */
export function callSitesByScope(appRoot: string, snapshot: RunView): Map<string, ScopeUseSite[]> {
  const lines = lineTables(snapshot);
  const usesByScope = new Map<string, ScopeUseSite[]>();
  for (const [file, facts] of boundFacts(appRoot, snapshot)) {
    for (const u of facts.scopeUses) {
      const range = lines(file).range(u.start, u.end);
      const list = usesByScope.get(u.scope) ?? [];
      list.push({ file, line: range.start.line, range, evidence: u.evidence });
      usesByScope.set(u.scope, list);
    }
  }
  return usesByScope;
}

/** What an app rule is given as the app's index: the facts of the code files bound to the app. */
function appIndex(app: AppInfo, snapshot: RunView): { files: Map<string, FileFacts> } {
  return { files: new Map(boundFacts(app.root, snapshot)) };
}

function boundFacts(appRoot: string, snapshot: RunView): [string, FileFacts][] {
  const boundFiles = new Set(snapshot.result.bindings.filter((b) => b.app === appRoot).map((b) => b.file));
  return [...snapshot.result.facts].filter(([file]) => boundFiles.has(file));
}

/** Line tables of the run's file texts, built once per file asked for. */
function lineTables(snapshot: RunView): (file: string) => LineIndex {
  const tables = new Map<string, LineIndex>();
  return (file) => {
    let t = tables.get(file);
    if (!t) tables.set(file, (t = new LineIndex(snapshot.files.get(file) ?? '')));
    return t;
  };
}

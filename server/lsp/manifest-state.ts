// What the manifest form shows beside its fields (policyLens/manifestState), from the run that produced
// the diagnostics: findings of the manifest by JSON pointer, call sites per scope, missing scopes, and the state
// of each declared scope (used / unused / cannot tell, with where the evidence was lost).
import { scopeCovers } from '../../rules/src/data';
import type { ManifestStateResult } from './protocol';
import type { Snapshot } from './project';
import { appScopes, callSitesByScope, type ScopeUseSite } from './scopes';
import { pathToUri } from './uri';

export function manifestState(path: string, snap: Snapshot): ManifestStateResult {
  const app = snap.result.apps.find((a) => a.manifestPath === path);
  const version = snap.versions.get(path) ?? null;
  if (!app) return { version, findings: [], callSites: {}, missingScopes: [], scopeStates: [], evidenceLost: [] };
  const findings = (snap.byFile.get(path) ?? []).map((f) => ({ pointer: f.pointer ?? '', ruleId: f.ruleId, clauses: f.clauses, severity: f.severity, message: f.message }));
  const sites = callSitesByScope(app.root, snap);
  const callSites: ManifestStateResult['callSites'] = {};
  for (const [scope, list] of sites) callSites[scope] = list.map(callSite);
  // scope-missing reports at the call site; the fact at the same offsets names the scope it needs
  const scopeAt = new Map<string, string>();
  for (const [file, facts] of snap.result.facts) for (const u of facts.scopeUses) scopeAt.set(`${file}\0${u.start}\0${u.end}`, u.scope);
  const appOf = new Map(snap.result.bindings.map((b) => [b.file, b.app]));
  const missing = new Map<string, { ruleId: string; clauses: string[] }>();
  for (const [file, list] of snap.byFile) {
    if (appOf.get(file) !== app.root) continue;
    for (const f of list) {
      const scope = f.ruleId === 'scope-missing' ? scopeAt.get(`${file}\0${f.startOffset}\0${f.endOffset}`) : undefined;
      if (scope) missing.set(scope, { ruleId: f.ruleId, clauses: f.clauses });
    }
  }
  // as the rule's fix does: a scope another missing one covers (messages:write under messages:consumer) is that one
  const names = [...missing.keys()];
  const missingScopes = names.filter((s) => !names.some((o) => o !== s && scopeCovers(o, s))).sort().map((scope) => ({ scope, ...missing.get(scope)! }));
  const scopes = appScopes(path, snap);
  const scopeStates = (scopes?.entries ?? []).flatMap((e) => (e.state ? [{ scope: e.scope, pointer: e.pointer, state: e.state, callSites: e.usedBy.map(callSite), events: e.events }] : []));
  const evidenceLost = (scopes?.lost ?? []).map((l) => ({ uri: pathToUri(l.file), range: l.range, what: l.what }));
  return { version, findings, callSites, missingScopes, scopeStates, evidenceLost };
}

function callSite(s: ScopeUseSite): ManifestStateResult['callSites'][string][number] {
  return { uri: pathToUri(s.file), range: s.range, evidence: s.evidence };
}

// Manifest scopes and the call sites that need them, from the run's project index (facts per file).
import type { Range } from '../../rules/src/types';
import { LineIndex } from '../../rules/src/positions';
import type { Snapshot } from './project';

export interface ScopeUseSite { file: string; line: number; range: Range; evidence: string }
export interface ScopeEntry { scope: string; range: Range; uses: ScopeUseSite[]; appRoot: string }

/** Declared scopes of the manifest at `path` (if it is one), each with the code that uses it. */
export function scopeEntries(path: string, snapshot: Snapshot): ScopeEntry[] {
  const app = snapshot.result.apps.find((a) => a.manifestPath === path);
  if (!app?.manifest) return [];
  const usesByScope = callSitesByScope(app.root, snapshot);
  const manifestLines = new LineIndex(app.manifest.text);
  return app.declaredScopes().map((s) => {
    const r = app.manifest!.rangeOf(s.pointer);
    return { scope: s.scope, range: manifestLines.range(r.start, r.end), uses: usesByScope.get(s.scope) ?? [], appRoot: app.root };
  });
}

/** Every call site of the app's code (files bound to the app at `appRoot`) by the scope it needs. */
export function callSitesByScope(appRoot: string, snapshot: Snapshot): Map<string, ScopeUseSite[]> {
  const boundFiles = new Set(snapshot.result.bindings.filter((b) => b.app === appRoot).map((b) => b.file));
  const usesByScope = new Map<string, ScopeUseSite[]>();
  for (const [file, facts] of snapshot.result.facts) {
    if (!boundFiles.has(file) || !facts.scopeUses.length) continue;
    const lines = new LineIndex(snapshot.files.get(file) ?? '');
    for (const u of facts.scopeUses) {
      const range = lines.range(u.start, u.end);
      const list = usesByScope.get(u.scope) ?? [];
      list.push({ file, line: range.start.line, range, evidence: u.evidence });
      usesByScope.set(u.scope, list);
    }
  }
  return usesByScope;
}

// Permission impact: which scopes the manifest adds and drops compared with an earlier version of it
// (normally the last release tag). Pure: the caller reads the earlier text (git.ts).
import { AppInfo } from '../../../rules/src/app';
import type { ScopeChange } from '../protocol';
import { scopeWords } from './words';

/** Scope names a manifest text declares, in order, without duplicates; [] when it is not an object. */
export function declaredScopeNames(manifestPath: string, text: string | undefined): string[] {
  if (text === undefined) return [];
  const app = new AppInfo(manifestPath.slice(0, manifestPath.lastIndexOf('/')), manifestPath, text);
  return [...new Set(app.declaredScopes().map((s) => s.scope))];
}

export function compareScopes(now: readonly string[], before: readonly string[]): { added: ScopeChange[]; dropped: ScopeChange[] } {
  const was = new Set(before);
  const is = new Set(now);
  const change = (scope: string): ScopeChange => {
    const w = scopeWords(scope);
    return { scope, text: w.text, personalData: w.personalData, personalDataText: w.personalDataText };
  };
  return { added: now.filter((s) => !was.has(s)).map(change), dropped: before.filter((s) => !is.has(s)).map(change) };
}

import { scopeCovers } from '../../src/data';
import { REASON_PLACEHOLDER } from '../../src/manifest/initial-manifest';
import type { JsonDocument } from '../../src/manifest/json-document';
import { addRootProperty, appendArrayItems } from '../../src/manifest/minimal-edits';
import { collectScopeEvidence, declaredGrants } from '../../src/manifest/scope-evidence';
import { LineIndex } from '../../src/positions';
import { createAppRule } from '../../src/rule';
import type { FileEdit, Fix } from '../../src/types';
import { fixTitle } from '../../src/fixes/title';

export default createAppRule({
  meta: {
    id: 'scope-missing',
    target: 'code+manifest',
    description: 'A call site needs a scope that the app\'s manifest does not declare.',
    clauses: ['B.6', 'C.5'],
    severity: 'error',
    fixable: true,
    messages: {
      missing: '{{evidence}} needs scope "{{scope}}", which web1on1-app.json does not declare: dealers would grant less than the app uses',
      missingNote: '{{evidence}} needs scope "{{scope}}", which web1on1-app.json does not declare ({{note}})',
    },
  },
  check(context) {
    const doc = context.manifest;
    if (!doc || !context.app.manifestObject()) return;
    const scopes = doc.get('/scopes');
    // a `scopes` value that is not an array is the schema's finding; adding to it cannot be done safely
    if (scopes !== undefined && !Array.isArray(scopes)) return;
    const declared = context.app.declaredScopes().map((d) => d.scope);
    const ev = collectScopeEvidence(context.app, context.index);
    const missing = ev.uses.filter((u) => !declared.some((d) => declaredGrants(d, u.scope)));
    const all = [...new Set(missing.map((u) => u.scope))];
    // a scope that another missing one covers (messages:write under messages:consumer) is added as that one
    const coveringOf = (scope: string) => all.find((n) => n !== scope && scopeCovers(n, scope)) ?? scope;
    const names = all.filter((s) => coveringOf(s) === s);
    const scopesRange = doc.rangeOf('/scopes');
    const lines = new LineIndex(doc.text);
    const related = [{ file: doc.path, range: lines.range(scopesRange.start, scopesRange.end), message: scopes === undefined ? 'The manifest has no "scopes"' : 'The scopes the manifest declares' }];
    const seen = new Set<string>();
    // a big file has hundreds of call sites per scope, all with the same manifest edit: computed once a
    // scope, each finding gets its own copy (findings do not share mutable objects)
    const fixesOf = new Map<string, Fix[]>();
    const fixesFor = (scope: string): Fix[] => {
      let fixes = fixesOf.get(scope);
      if (!fixes) fixesOf.set(scope, (fixes = addScopeFixes(doc, scope, names, (scopes as unknown[] | undefined)?.length ?? 0)));
      return fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e })) }));
    };
    for (const u of missing) {
      const key = `${u.file}\0${u.start}\0${u.end}\0${u.scope}`;
      if (seen.has(key)) continue;
      seen.add(key);
      context.report({
        file: u.file,
        start: u.start,
        end: u.end,
        messageId: u.note ? 'missingNote' : 'missing',
        data: { scope: u.scope, evidence: u.evidence, note: u.note ?? '' },
        related,
        fixes: fixesFor(coveringOf(u.scope)),
      });
    }
  },
});

/**
 * Each scope's fix is the same edit at every call site, so applying several fixes adds the scope once.
 * Appending to a non-empty array composes with the other scopes' appends; creating the array (or filling
 * an empty one) does not, so then the first fix adds every missing scope at once.
 */
function addScopeFixes(doc: JsonDocument, scope: string, allMissing: string[], declaredCount: number): Fix[] {
  const add = (list: string[]): FileEdit[] => {
    const entries = list.map((s) => ({ scope: s, reason: REASON_PLACEHOLDER }));
    return doc.node('/scopes') ? appendArrayItems(doc, '/scopes', entries) : addRootProperty(doc, 'scopes', entries);
  };
  const one: Fix = { description: fixTitle(`Add scope "${scope}" to the manifest`, 'Add the scope to the manifest'), edits: add([scope]), safe: false };
  if (declaredCount > 0 || allMissing.length === 1) return [one];
  const all: Fix = { description: `Add all ${allMissing.length} missing scopes to the manifest`, edits: add(allMissing), safe: false };
  return [all, one];
}

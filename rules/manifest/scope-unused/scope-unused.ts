import { SCOPE_NAMES } from '../../src/data';
import { LineIndex } from '../../src/positions';
import { removeArrayItem, replaceValue } from '../../src/manifest/minimal-edits';
import { collectScopeEvidence, isWildcardScope, narrowerScope, scopeState, type ScopeEvidence } from '../../src/manifest/scope-evidence';
import { createAppRule, type AppRuleContext } from '../../src/rule';
import { fixTitle } from '../../src/fixes/title';

export default createAppRule({
  meta: {
    id: 'scope-unused',
    target: 'manifest',
    description: 'A scope the manifest declares that no code or webhook event of the app uses.',
    clauses: ['B.6', 'C.5'],
    severity: 'warning',
    fixable: true,
    messages: {
      unused: 'Scope "{{scope}}" is requested but never used: no call site or webhook event of the app needs it',
      cannotTell: 'Scope "{{scope}}" has no call site Policy Lens can see, but it cannot tell whether the app needs it: {{lost}} ({{where}})',
      unknown: 'Scope "{{scope}}" is not a Policy Lens scope{{suggestion}}: dealers cannot tell what it grants',
    },
  },
  check(context) {
    const doc = context.manifest;
    if (!doc || !context.app.manifestObject()) return;
    const declared = context.app.declaredScopes();
    const names = new Set(declared.map((d) => d.scope));
    const ev = collectScopeEvidence(context.app, context.index);
    // where the evidence was first lost, located once for every scope that cannot be told
    let lostAt: ReturnType<typeof firstLostPlace> | undefined;
    for (const d of declared) {
      if (isWildcardScope(d.scope)) continue; // scope-overbroad
      const pointer = scopePointer(d.pointer, doc.get(d.pointer));
      if (!SCOPE_NAMES.has(d.scope)) {
        const near = closestScope(d.scope);
        context.report({
          pointer,
          messageId: 'unknown',
          data: { scope: d.scope, suggestion: near ? ` (did you mean "${near}"?)` : '' },
          fixes: near ? [{ description: `Replace with "${near}"`, edits: replaceValue(doc, pointer, near), safe: false }] : [],
        });
        continue;
      }
      const state = scopeState(d.scope, ev);
      if (state === 'used') continue;
      // a write scope used only for reads is scope-overbroad's finding (it narrows rather than removes)
      const narrower = narrowerScope(d.scope, ev);
      if (narrower && !names.has(narrower)) continue;
      if (state === 'cannot-tell') {
        // saying "unused" here and offering Remove would break an app whose use the analysis merely lost
        const { first, range, where } = (lostAt ??= firstLostPlace(context, ev.lost[0]!));
        context.report({
          pointer: d.pointer,
          messageId: 'cannotTell',
          severity: 'info',
          data: { scope: d.scope, lost: first.what, where },
          related: [{ file: first.file, range, message: 'Scope evidence is lost here' }],
          fixes: [],
        });
        continue;
      }
      context.report({
        pointer: d.pointer,
        messageId: 'unused',
        data: { scope: d.scope },
        unnecessary: true,
        fixes: [{ description: fixTitle(`Remove unused scope "${d.scope}"`, 'Remove the unused scope'), edits: removeArrayItem(doc, d.pointer), safe: false }],
      });
    }
  },
});

function firstLostPlace(context: AppRuleContext, first: ScopeEvidence['lost'][number]) {
  const range = new LineIndex(context.readFile(first.file) ?? '').range(first.start, first.end);
  return { first, range, where: `${relative(context.app.root, first.file)}:${range.start.line + 1}` };
}

function relative(root: string, file: string): string {
  return file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
}

/** The scope name's own range: the string entry, or the `scope` value of an object entry. */
function scopePointer(entryPointer: string, entry: unknown): string {
  return typeof entry === 'string' ? entryPointer : `${entryPointer}/scope`;
}

/** The one catalog scope within two edits of a misspelt name (`contact:read`, `message:write`). */
function closestScope(name: string): string | undefined {
  const near = [...SCOPE_NAMES].filter((s) => editDistance(s, name.toLowerCase()) <= 2);
  return near.length === 1 ? near[0] : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

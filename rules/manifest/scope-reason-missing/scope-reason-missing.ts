import { scopeEntry } from '../../src/data';
import { createAppRule } from '../../src/rule';

export default createAppRule({
  meta: {
    id: 'scope-reason-missing',
    target: 'manifest',
    description: 'A declared scope without a reason that tells the dealer why the app needs it.',
    clauses: ['B.6'],
    severity: 'warning',
    fixable: false,
    messages: {
      missing: 'Scope "{{scope}}" has no reason: say why the app needs it ({ "scope": "{{scope}}", "reason": "…" })',
      placeholder: 'The reason for scope "{{scope}}" is {{what}}: say why this app needs it',
    },
  },
  check(context) {
    if (!context.manifest || !context.app.manifestObject()) return;
    for (const d of context.app.declaredScopes()) {
      if (d.reason === undefined) {
        context.report({ pointer: d.pointer, messageId: 'missing', data: { scope: d.scope } });
        continue;
      }
      const what = placeholderKind(d.scope, d.reason);
      if (what) context.report({ pointer: d.pointer, messageId: 'placeholder', data: { scope: d.scope, what } });
    }
  },
});

/** Why a written reason says nothing: empty, a TODO, the scope's own name or its catalog description. */
function placeholderKind(scope: string, reason: string): string | undefined {
  const r = normalize(reason);
  if (!r) return 'empty';
  if (/^(todo|tbd|fixme|xxx)\b/.test(r) || /^<[^>]{0,60}>$/.test(reason.trim())) return 'a placeholder';
  if (r === normalize(scope)) return 'the scope name repeated';
  const description = scopeEntry(scope)?.description;
  if (description && (r === normalize(description) || r === normalize(withoutParenthetical(description)))) return 'a copy of the scope description';
  return undefined;
}

/** "read your contacts (names, phone numbers)" → "read your contacts". */
function withoutParenthetical(s: string): string {
  const open = s.lastIndexOf(' (');
  return open > 0 && s.trimEnd().endsWith(')') ? s.slice(0, open) : s;
}

/** Lower case, words only: "This app will be able to read your contacts." ≈ "this app will be able to read your contacts". */
function normalize(s: string): string {
  return s.toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9:]+/g, ' ').trim();
}

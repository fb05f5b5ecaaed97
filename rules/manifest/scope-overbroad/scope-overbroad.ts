import type { JsonDocument } from '../../src/manifest/json-document';
import { removeArrayItem, replaceValue } from '../../src/manifest/minimal-edits';
import { ADMIN_ONLY_SCOPES, collectScopeEvidence, declaredGrants, isWildcardScope, narrowerScope, neededScopes, scopeHasEvidence } from '../../src/manifest/scope-evidence';
import { createAppRule } from '../../src/rule';
import type { Fix } from '../../src/types';
import { fixTitle } from '../../src/fixes/title';

export default createAppRule({
  meta: {
    id: 'scope-overbroad',
    target: 'manifest',
    description: 'Wildcard or admin scopes, write scopes used only for reads, and an admin token where a bot token would do.',
    clauses: ['B.6', 'C.5'],
    severity: 'warning',
    fixable: true,
    messages: {
      wildcard: 'Scope "{{scope}}" grants every permission it matches; the code needs {{needed}}',
      writeOnlyRead: 'Scope "{{scope}}" is broader than the app needs: the code only {{only}}, and "{{narrower}}" is enough',
      adminToken: 'tokenRole "admin" gives the app every permission of the dealer\'s organization; nothing in the code needs more than a bot user',
    },
  },
  check(context) {
    const doc = context.manifest;
    const m = context.app.manifestObject();
    if (!doc || !m) return;
    const declared = context.app.declaredScopes();
    const names = new Set(declared.map((d) => d.scope));
    const ev = collectScopeEvidence(context.app, context.index);
    const needed = neededScopes(ev);

    for (const d of declared) {
      const entry = doc.get(d.pointer);
      const valuePointer = typeof entry === 'string' ? d.pointer : `${d.pointer}/scope`;
      if (isWildcardScope(d.scope)) {
        const covered = needed.filter((n) => declaredGrants(d.scope, n));
        const fixes: Fix[] = [];
        // one scope replaces the wildcard only when the code shows all it needs (no wildcard events)
        if (covered.length === 1 && !ev.wildcard) fixes.push(narrowFix(doc, d, valuePointer, names.has(covered[0]!), covered[0]!));
        context.report({ pointer: valuePointer, messageId: 'wildcard', data: { scope: d.scope, needed: covered.length ? covered.map((s) => `"${s}"`).join(', ') : 'none of them' }, fixes });
        continue;
      }
      const narrower = narrowerScope(d.scope, ev);
      // when the narrower scope is declared too and nothing uses this one, scope-unused removes it
      if (!narrower || (names.has(narrower) && !scopeHasEvidence(d.scope, ev))) continue;
      const only = d.scope === 'messages:consumer' ? 'posts internal messages' : 'reads';
      context.report({ pointer: valuePointer, messageId: 'writeOnlyRead', data: { scope: d.scope, narrower, only }, fixes: [narrowFix(doc, d, valuePointer, names.has(narrower), narrower)] });
    }

    if (m.tokenRole === 'admin' && !ev.unknownApiCalls && !ev.uses.some((u) => ADMIN_ONLY_SCOPES.includes(u.scope))) {
      context.report({ pointer: '/tokenRole', messageId: 'adminToken', fixes: [{ description: 'Use a bot user\'s token (tokenRole "bot")', edits: replaceValue(doc, '/tokenRole', 'bot'), safe: false }] });
    }
  },
});

function narrowFix(doc: JsonDocument, d: { scope: string; pointer: string }, valuePointer: string, alreadyDeclared: boolean, to: string): Fix {
  return alreadyDeclared
    ? { description: fixTitle(`Remove "${d.scope}" (covered by "${to}")`, `Remove redundant "${d.scope}"`), edits: removeArrayItem(doc, d.pointer), safe: false }
    : { description: fixTitle(`Replace "${d.scope}" with "${to}"`, `Narrow to "${to}"`), edits: replaceValue(doc, valuePointer, to), safe: false };
}

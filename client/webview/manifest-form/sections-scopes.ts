// The scope catalog grouped by resource: a checkbox per scope named by its id, what a dealer would read,
// the personal-data class, the call sites that need it (from the language server), a reason per declared
// scope, and unused / missing scopes flagged with a one-click fix.
import type { CatalogScope, LintState } from '../../src/manifest-editor/messages';
import { at, h, idFor } from './dom';
import { field } from './field';
import { fieldFor } from '../../src/manifest-editor/fields';
import { findingList, findingsAt, section, type View } from './view';

interface Declared { index: number; scope: string; hasObject: boolean }

export function scopesSection(v: View): HTMLElement {
  const raw = at(v.value, '/scopes');
  const declared: Declared[] = (Array.isArray(raw) ? raw : []).flatMap((e, index) => {
    const scope = typeof e === 'string' ? e : e && typeof e === 'object' && typeof (e as Record<string, unknown>)['scope'] === 'string' ? String((e as Record<string, unknown>)['scope']) : undefined;
    return scope === undefined ? [] : [{ index, scope, hasObject: typeof e !== 'string' }];
  });
  const missingInfo = (v.lint?.missing ?? []).filter((m) => !declared.some((d) => d.scope === m.scope));
  const missing = missingInfo.map((m) => m.scope);
  const groups = new Map<string, CatalogScope[]>();
  for (const s of v.catalog.scopes) groups.set(s.resource, [...(groups.get(s.resource) ?? []), s]);
  const known = new Set(v.catalog.scopes.map((s) => s.scope));
  const others = declared.filter((d) => !known.has(d.scope));
  return section('scopes', 'Scopes', 'Policy Lens’s least-privilege declaration of what the app may do (Web1on1 tokens carry roles only; these scopes are not Web1on1 permissions). Ask only for what the code uses (B.6, C.5), and say why, in words a dealer understands.',
    missing.length ? missingBanner(v, missing) : undefined,
    [...groups].map(([resource, scopes]) => h('fieldset', { class: 'scope-group' },
      h('legend', {}, resource),
      scopes.map((s) => scopeRow(v, s.scope, s, declared.find((d) => d.scope === s.scope), missingInfo.find((m) => m.scope === s.scope))),
    )),
    others.length ? h('fieldset', { class: 'scope-group' }, h('legend', {}, 'Other declared scopes'), others.map((d) => scopeRow(v, d.scope, undefined, d, undefined))) : undefined,
    findingList(idFor('find', '/scopes'), findingsAt(v, '/scopes')),
  );
}

function missingBanner(v: View, missing: string[]): HTMLElement {
  return h('div', { class: 'callout missing', role: 'status' },
    h('strong', {}, `The code needs ${missing.length === 1 ? 'a scope' : `${missing.length} scopes`} the manifest does not declare: `),
    missing.join(', '),
    ' ',
    h('button', { type: 'button', disabled: v.readOnly, onclick: () => missing.forEach((s) => v.edit({ type: 'append', pointer: '/scopes', value: { scope: s } })) }, missing.length === 1 ? `Add ${missing[0]}` : 'Add all missing scopes'),
  );
}

function scopeRow(v: View, name: string, entry: CatalogScope | undefined, d: Declared | undefined, missing: LintState['missing'][number] | undefined): HTMLElement {
  const id = idFor('scope', name);
  const pointer = d ? `/scopes/${d.index}` : undefined;
  const all = pointer ? findingsAt(v, pointer, true) : [];
  // the unused finding is shown as the flag with its fix, the rest under the row
  const unused = all.find((f) => f.ruleId === 'scope-unused');
  const findings = all.filter((f) => f !== unused);
  const sites = v.lint?.callSites[name] ?? [];
  const descId = `${id}-d`;
  const flagId = `${id}-flag`;
  const checkbox = h('input', { id, type: 'checkbox', checked: !!d, disabled: v.readOnly, 'aria-describedby': missing || unused ? `${descId} ${flagId}` : descId, onchange: (e) => v.edit((e.target as HTMLInputElement).checked ? { type: 'append', pointer: '/scopes', value: { scope: name } } : { type: 'remove', pointer: pointer! }) });
  return h('div', { class: `scope${d ? ' declared' : ''}${unused ? ' unused' : ''}${missing ? ' missing' : ''}`, 'data-scope': name },
    h('div', { class: 'check' }, checkbox, h('label', { for: id, class: 'scope-id' }, name),
      entry ? h('span', { class: `chip pd-${entry.personalData}` }, entry.personalData === 'none' ? 'no personal data' : `personal data: ${entry.personalData}`) : undefined),
    h('p', { class: 'help', id: descId }, entry ? entry.description : 'Not a scope of the Policy Lens catalog: dealers cannot tell what it grants.'),
    usage(v, name, sites, d !== undefined),
    missing ? h('p', { class: 'flag missing', id: flagId }, `[${missing.clauses.join(', ')}] Needed by ${plural(sites.length, 'call site')} but not declared (${missing.ruleId}). `,
      h('button', { type: 'button', class: 'small', disabled: v.readOnly, onclick: () => v.edit({ type: 'append', pointer: '/scopes', value: { scope: name } }) }, `Add ${name}`)) : undefined,
    unused && pointer ? h('p', { class: 'flag unused', id: flagId }, `${unused.message} (${unused.ruleId}) `,
      h('button', { type: 'button', class: 'small', disabled: v.readOnly, onclick: () => v.edit({ type: 'remove', pointer }) }, `Remove ${name}`)) : undefined,
    d ? field(v, fieldFor('/scopes/0/reason')!, `${pointer}/reason`, `Reason for ${name}`) : undefined,
    findingList(idFor('find', pointer ?? name), findings),
  );
}

/** "used by 3 call sites", expandable into links that open each call site beside the form. */
function usage(v: View, scope: string, sites: { label: string; evidence: string }[], declared: boolean): HTMLElement | undefined {
  if (!v.lint || (!sites.length && !declared)) return undefined;
  if (!sites.length) return h('p', { class: 'usage muted' }, 'no call site in the code');
  const key = `sites:${scope}`;
  const open = v.expanded.has(key);
  const listId = idFor('sites', scope);
  return h('div', { class: 'usage' },
    h('button', { type: 'button', class: 'link', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': listId, onclick: () => v.toggle(key) }, `used by ${plural(sites.length, 'call site')}`),
    open ? h('ul', { id: listId, class: 'sites' }, sites.map((s, index) => h('li', {},
      h('button', { type: 'button', class: 'link', onclick: () => v.post({ type: 'openCallSite', scope, index }) }, s.label),
      h('span', { class: 'muted' }, ` — ${s.evidence}`)))) : undefined,
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// The scope catalog grouped by resource: a checkbox per scope named by its id, what a dealer would read,
// the personal-data class, a reason per declared scope, and from the language server each declared scope's
// state — used (at which call sites), no use found (with Remove), or cannot tell (where the analysis lost the
// SDK instance; no Remove: the app may need it) — and missing scopes with Add.
import type { CatalogScope, FieldFinding, LintState, ScopeStateView } from '../../src/manifest-editor/messages';
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
  const sites = v.lint?.callSites[name] ?? [];
  const state = d && v.lint && Object.hasOwn(v.lint.scopeStates, name) ? v.lint.scopeStates[name] : undefined;
  // scope-unused's finding says what the state line says: it is shown there (its clauses and id), not twice
  const stateFinding = state ? all.find((f) => f.ruleId === 'scope-unused') : undefined;
  const findings = all.filter((f) => f !== stateFinding);
  const descId = `${id}-d`;
  const flagId = `${id}-flag`;
  const stateId = `${id}-state`;
  const describedBy = [descId, state && stateId, missing && flagId].filter(Boolean).join(' ');
  const checkbox = h('input', { id, type: 'checkbox', checked: !!d, disabled: v.readOnly, 'aria-describedby': describedBy, onchange: (e) => v.edit((e.target as HTMLInputElement).checked ? { type: 'append', pointer: '/scopes', value: { scope: name } } : { type: 'remove', pointer: pointer! }) });
  return h('div', { class: `scope${d ? ' declared' : ''}${state ? ` ${state.state}` : ''}${missing ? ' missing' : ''}`, 'data-scope': name },
    h('div', { class: 'check' }, checkbox, h('label', { for: id, class: 'scope-id' }, name),
      entry ? h('span', { class: `chip pd-${entry.personalData}` }, entry.personalData === 'none' ? 'no personal data' : `personal data: ${entry.personalData}`) : undefined),
    h('p', { class: 'help', id: descId }, entry ? entry.description : 'Not a scope of the Policy Lens catalog: dealers cannot tell what it grants.'),
    state && pointer ? stateLine(v, name, pointer, state, stateId, stateFinding) : usage(v, name, sites, d !== undefined),
    missing ? h('p', { class: 'flag missing', id: flagId }, `[${missing.clauses.join(', ')}] Needed by ${plural(sites.length, 'call site')} but not declared (${missing.ruleId}). `,
      h('button', { type: 'button', class: 'small', disabled: v.readOnly, onclick: () => v.edit({ type: 'append', pointer: '/scopes', value: { scope: name } }) }, `Add ${name}`)) : undefined,
    d ? field(v, fieldFor('/scopes/0/reason')!, `${pointer}/reason`, `Reason for ${name}`) : undefined,
    findingList(idFor('find', pointer ?? name), findings),
  );
}

/**
 * What the code shows of a declared scope, in words (the state is never told by colour alone): "Used at
 * bot.js:12", "No use found — Remove?", or "Cannot tell: <where the SDK instance was lost>" with no Remove.
 */
function stateLine(v: View, scope: string, pointer: string, s: ScopeStateView, id: string, finding: FieldFinding | undefined): HTMLElement {
  const rule = finding ? h('span', { class: 'rule' }, ` [${finding.clauses.join(', ')}] ${finding.ruleId}`) : undefined;
  if (s.state === 'unused') {
    return h('p', { class: 'flag state unused', id }, h('span', { class: 'state-word' }, 'No use found'), ': no call site or webhook event of the app needs it — ',
      h('button', { type: 'button', class: 'small', disabled: v.readOnly, 'aria-label': `Remove ${scope}`, onclick: () => v.edit({ type: 'remove', pointer }) }, 'Remove?'), rule);
  }
  if (s.state === 'cannot-tell') {
    const lost = v.lint?.lost ?? [];
    const place = (l: { label: string; what: string }, index: number) => [`${l.what} (`, h('button', { type: 'button', class: 'link', title: `Open ${l.label}`, onclick: () => v.post({ type: 'openLostPlace', index }) }, l.label), ')'];
    const key = `lost:${scope}`;
    const open = v.expanded.has(key);
    const listId = idFor('lost', scope);
    return h('div', { class: 'state cannot-tell', id },
      h('p', { class: 'flag' }, h('span', { class: 'state-word' }, 'Cannot tell'), ': no call site Policy Lens can see needs it, but ', ...(lost[0] ? place(lost[0], 0) : ['the analysis lost the SDK instance']), '. Keep it unless you know the app does not need it.', rule),
      lost.length > 1 ? h('button', { type: 'button', class: 'link', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': listId, onclick: () => v.toggle(key) }, `${plural(lost.length - 1, 'more place')} where the instance was lost`) : undefined,
      lost.length > 1 && open ? h('ul', { id: listId, class: 'sites' }, lost.slice(1).map((l, i) => h('li', {}, ...place(l, i + 1)))) : undefined,
    );
  }
  const first = s.sites[0];
  if (!first) {
    const why = s.events.length ? `the webhook receives ${s.events.join(', ')} events` : 'a wildcard event subscription may need it';
    return h('p', { class: 'usage state used', id }, h('span', { class: 'state-word' }, 'Used'), `: ${why}`);
  }
  const site = (x: { label: string; evidence: string }, index: number) => [h('button', { type: 'button', class: 'link', title: `Open ${x.label}`, onclick: () => v.post({ type: 'openUsedSite', scope, index }) }, x.label), h('span', { class: 'muted' }, ` — ${x.evidence}`)];
  const key = `sites:${scope}`;
  const open = v.expanded.has(key);
  const listId = idFor('sites', scope);
  return h('div', { class: 'usage state used', id },
    h('p', {}, h('span', { class: 'state-word' }, 'Used'), ' at ', ...site(first, 0)),
    s.sites.length > 1 ? h('button', { type: 'button', class: 'link', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': listId, onclick: () => v.toggle(key) }, `and ${plural(s.sites.length - 1, 'more call site')}`) : undefined,
    s.sites.length > 1 && open ? h('ul', { id: listId, class: 'sites' }, s.sites.slice(1).map((x, i) => h('li', {}, ...site(x, i + 1)))) : undefined,
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

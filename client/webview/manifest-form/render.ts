// The whole form from the current state: header, invalid-JSON banner, sections, and the findings no
// field shows. Rebuilt on every change; main.ts keeps focus, caret and scroll across rebuilds.
import type { Catalog, DocState, FieldFinding, LintState } from '../../src/manifest-editor/messages';
import { h } from './dom';
import { appSection, capabilitiesSection, linksSection, listingSection, tokenRoleSection, webhookSection } from './sections-app';
import { attestationsSection, dataProtectionSection } from './sections-data';
import { scopesSection } from './sections-scopes';
import { findingList, type View } from './view';

export interface FormState {
  catalog: Catalog;
  doc: DocState;
  /** The last manifest that parsed, shown (read-only) while the text is invalid: never a blank form. */
  lastGood: Record<string, unknown> | undefined;
  lint: LintState | undefined;
  notice: string | undefined;
}

const SECTIONS: [string, string][] = [
  ['app', 'App and developer'], ['listing', 'Listing'], ['capabilities', 'Capabilities'], ['token-role', 'Token role'], ['scopes', 'Scopes'],
  ['webhook', 'Webhook'], ['links', 'Privacy, terms, support'], ['data-protection', 'Data protection'], ['attestations', 'Attestations'],
];

export function renderForm(s: FormState, hooks: Omit<View, 'catalog' | 'value' | 'lint' | 'readOnly' | 'claimed' | 'claimedPrefixes'>, dismissNotice: () => void): (Node | string)[] {
  const invalid = s.doc.problems.length > 0 || !s.doc.value;
  const v: View = { ...hooks, catalog: s.catalog, value: s.doc.value ?? s.lastGood ?? {}, lint: s.lint, readOnly: invalid, claimed: new Set(), claimedPrefixes: [] };
  const sections = [appSection(v), listingSection(v), capabilitiesSection(v), tokenRoleSection(v), scopesSection(v), webhookSection(v), linksSection(v), dataProtectionSection(v), attestationsSection(v)];
  const unclaimed = (s.lint?.findings ?? []).filter((f) => !v.claimed.has(f.pointer) && !v.claimedPrefixes.some((p) => f.pointer === p || f.pointer.startsWith(p + '/')));
  return [
    header(s, v),
    s.notice ? h('div', { class: 'callout notice', role: 'alert' }, s.notice, ' ', h('button', { type: 'button', class: 'secondary small', onclick: dismissNotice }, 'Dismiss')) : '',
    invalid ? banner(s, v) : '',
    h('nav', { 'aria-label': 'Sections' }, h('ul', {}, SECTIONS.map(([id, title]) => h('li', {}, h('a', { href: `#${id}` }, title))))),
    general(unclaimed),
    // an invalid file disables every control at once; the values stay visible
    h('fieldset', { class: 'form-body', disabled: invalid, 'aria-label': 'Manifest fields' }, sections),
  ];
}

function header(s: FormState, v: View): HTMLElement {
  const name = typeof v.value['name'] === 'string' && v.value['name'] ? String(v.value['name']) : 'Unnamed app';
  return h('header', {},
    h('h1', {}, `App manifest: ${name}`),
    h('p', { class: 'muted' }, 'web1on1-app.json, edited as a form; the JSON text stays the source of truth.'),
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', onclick: () => v.post({ type: 'openJson', beside: false }) }, 'Open as JSON'),
      h('button', { type: 'button', class: 'secondary', onclick: () => v.post({ type: 'openJson', beside: true }) }, 'Open JSON to the side'),
    ),
    h('p', { class: 'status', role: 'status' }, lintStatus(s)),
  );
}

function lintStatus(s: FormState): string {
  const l = s.lint;
  if (!l) return 'Checking with the Policy Lens rules…';
  if (l.unavailable) return l.unavailable;
  if (l.version !== null && l.version < s.doc.version) return 'Checking the latest change…';
  const count = (sev: FieldFinding['severity']) => l.findings.filter((f) => f.severity === sev).length;
  const [e, w, i] = [count('error'), count('warning'), count('info')];
  if (!e && !w && !i) return 'The Policy Lens rules report no findings in the manifest (a static check cannot prove compliance).';
  return `The Policy Lens rules report ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'} and ${i} hint${i === 1 ? '' : 's'} in the manifest; each is shown at its field with its clause ids.`;
}

function banner(s: FormState, v: View): HTMLElement {
  const problems = s.doc.problems;
  return h('div', { class: 'callout invalid', role: 'alert' },
    h('strong', {}, 'web1on1-app.json is not valid JSON. '),
    `The form is read-only until the JSON is fixed, and leaves your text exactly as it is${s.doc.value || s.lastGood ? '; it shows the last values it could read' : ''}.`,
    h('ul', {}, problems.slice(0, 5).map((p) => h('li', {}, `Line ${p.line}, column ${p.column}: ${p.message}`))),
    problems.length > 5 ? h('p', {}, `…and ${problems.length - 5} more.`) : undefined,
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', onclick: () => v.post({ type: 'openJson', beside: false }) }, 'Open as JSON'),
      h('button', { type: 'button', class: 'secondary', onclick: () => v.post({ type: 'openJson', beside: true }) }, 'Open JSON to the side'),
    ),
  );
}

function general(findings: FieldFinding[]): HTMLElement | string {
  if (!findings.length) return '';
  return h('section', { class: 'general', 'aria-labelledby': 'general-title' }, h('h2', { id: 'general-title' }, 'Findings for the manifest as a whole'), findingList('find:general', findings));
}

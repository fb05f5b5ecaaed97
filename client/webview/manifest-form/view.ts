// What every section renders from: the manifest, the catalog, the findings, and the ways to send edits.
import type { Catalog, FieldFinding, FromWebview, LintState } from '../../src/manifest-editor/messages';
import type { Op } from './edit-queue';
import { h } from './dom';

export interface View {
  catalog: Catalog;
  /** The manifest as parsed (read-only when the JSON is invalid). */
  value: Record<string, unknown>;
  lint: LintState | undefined;
  readOnly: boolean;
  /** Pointers whose findings some part of the form shows (the rest go to the general list). */
  claimed: Set<string>;
  /** Pointer prefixes a block shows findings for (e.g. a scope row: `/scopes/2`). */
  claimedPrefixes: string[];
  expanded: Set<string>;
  edit(op: Op): void;
  /** A text field's value while typing: sent after a pause, or at once on `immediate`. */
  type(pointer: string, value: string, immediate: boolean): void;
  pendingValue(pointer: string): unknown;
  post(m: FromWebview): void;
  toggle(key: string): void;
}

export function findingsAt(v: View, pointer: string, prefix = false): FieldFinding[] {
  if (prefix) v.claimedPrefixes.push(pointer);
  else v.claimed.add(pointer);
  return (v.lint?.findings ?? []).filter((f) => f.pointer === pointer || (prefix && f.pointer.startsWith(pointer + '/')));
}

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Hint' } as const;

/** A finding list under a field: the rule's message (it starts with the clause ids) and the rule id. */
export function findingList(id: string, findings: FieldFinding[]): HTMLElement {
  return h('ul', { class: 'findings', id, 'aria-live': 'polite' },
    findings.map((f) => h('li', { class: `finding sev-${f.severity}` },
      h('span', { class: 'sev' }, SEVERITY_WORD[f.severity] + ': '),
      f.message,
      h('span', { class: 'rule' }, ` (${f.ruleId})`),
    )),
  );
}

export function section(id: string, title: string, intro: string | undefined, ...body: (Node | false | undefined | (Node | undefined)[])[]): HTMLElement {
  return h('section', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), intro ? h('p', { class: 'intro' }, intro) : undefined, ...body);
}

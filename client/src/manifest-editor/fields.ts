// The manifest form's fields: every JSON pointer the form may change, with its label and value kind, derived
// from the manifest's field table. One list for both sides: the webview renders from it, the extension host
// accepts only edits that match it (a pointer not listed here is refused). Pure data: no vscode, no DOM.

import { MANIFEST_FIELDS, fieldRow, type FieldKind, type FieldRow, type FormSection, type ListKind } from '../../../rules/src/manifest/spec';

export type { FieldKind, FormSection, ListKind };

export interface FieldSpec {
  /** A pointer template: `{i}` is a list index, `{clause}` an attested clause id. */
  pointer: string;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  help?: string;
  /** Where the form shows an untemplated field. */
  section?: FormSection;
}

export interface ListSpec { pointer: string; label: string; item: ListKind; options?: readonly string[] }

/** Clauses no tool can fully check: a person attests them (rules/src/clauses.ts MANUAL_ONLY + PARTLY_AUTOMATED). */
export const ATTESTED_CLAUSES = ['A.1', 'A.2', 'A.3', 'D.3', 'D.4', 'E.3', 'E.4', 'F.4', 'F.5'] as const;

const ROWS: readonly FieldRow[] = MANIFEST_FIELDS;
const optionsOf = (pointer: string): readonly string[] => fieldRow(pointer)?.enum ?? fieldRow(pointer)?.examples ?? [];
export const LAWFUL_BASES = optionsOf('/dataProtection/lawfulBasis');
export const TOKEN_ROLES = optionsOf('/tokenRole');
export const MARKETPLACES = optionsOf('/listing/marketplace');
export const CAPABILITIES = optionsOf('/capabilities/{i}');

/** Every field the form edits, from the manifest's field table (rules/src/manifest/spec.ts). */
export const FIELDS: readonly FieldSpec[] = ROWS.flatMap((r) => (r.input ? [{
  pointer: r.pointer,
  label: r.label ?? r.pointer,
  kind: r.input,
  ...(r.enum || r.examples ? { options: r.enum ?? r.examples } : {}),
  ...(r.help ? { help: r.help } : {}),
  ...(r.section ? { section: r.section } : {}),
}] : []));

export const LISTS: readonly ListSpec[] = ROWS.flatMap((r) => (r.list ? [{
  pointer: r.pointer,
  label: r.label ?? r.pointer,
  item: r.list,
  ...(fieldRow(`${r.pointer}/{i}`)?.enum ? { options: fieldRow(`${r.pointer}/{i}`)!.enum } : {}),
}] : []));

/** The untemplated fields a form section shows, in table order. */
export function fieldsIn(section: FormSection): FieldSpec[] {
  return FIELDS.filter((f) => f.section === section);
}

/** Objects the form may remove whole (an attestation). */
export const REMOVABLE_OBJECTS: readonly string[] = ROWS.filter((r) => r.removable).map((r) => r.pointer);

/** Splits a pointer into its segments (RFC 6901 unescaping). */
export function segments(pointer: string): string[] {
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** True when `pointer` is an instance of `template`. */
export function matches(template: string, pointer: string): boolean {
  if (!pointer.startsWith('/')) return false;
  const t = segments(template);
  const p = segments(pointer);
  return t.length === p.length && t.every((seg, i) => seg === p[i] || (seg === '{i}' && /^(0|[1-9]\d{0,3})$/.test(p[i]!)) || (seg === '{clause}' && (ATTESTED_CLAUSES as readonly string[]).includes(p[i]!)));
}

export function fieldFor(pointer: string): FieldSpec | undefined {
  return FIELDS.find((f) => matches(f.pointer, pointer));
}

export function listFor(pointer: string): ListSpec | undefined {
  return LISTS.find((l) => l.pointer === pointer);
}

/** The list an item pointer (`/scopes/3`) belongs to. */
export function listOfItem(pointer: string): ListSpec | undefined {
  const p = segments(pointer);
  if (!/^(0|[1-9]\d{0,3})$/.test(p[p.length - 1] ?? '')) return undefined;
  return listFor(pointer.slice(0, pointer.lastIndexOf('/')));
}

/** A pointer whose meaning depends on list positions, which an edit elsewhere in the file can shift. */
export function hasListIndex(pointer: string): boolean {
  return segments(pointer).some((s) => /^\d+$/.test(s));
}

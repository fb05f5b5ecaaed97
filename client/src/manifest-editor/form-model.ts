// From a webview message to a minimal text edit, with every check in between. Pure (no vscode): the
// extension host calls it with the document's current text and version; unit tests call it directly.
//
// Webview input is untrusted: the pointer must be one the form has (fields.ts), the value must have the
// field's type, paths stay inside the app folder, and an edit whose meaning depends on list positions is
// refused when the document changed since the webview rendered it (the form re-renders instead).
import { FormEditError, formEdits, type FormOp, type JsonValue } from '../../../rules/src/manifest/form-edits';
import type { JsonDocument } from '../../../rules/src/manifest/json-document';
import type { FileEdit } from '../../../rules/src/types';
import { FIELDS, REMOVABLE_OBJECTS, fieldFor, hasListIndex, listFor, listOfItem, matches, type FieldSpec, type ListKind } from './fields';
import type { EditMessage } from './messages';

const MAX_TEXT = 4000;
const MAX_NAME = 200;

export type Plan = { kind: 'edits'; edits: FileEdit[] } | { kind: 'refused'; reason: string };

/** The message as an EditMessage, or why it is not one the form could have sent. */
export function parseEditMessage(raw: unknown): EditMessage | string {
  if (!raw || typeof raw !== 'object') return 'not a message';
  const m = raw as Record<string, unknown>;
  if (m['type'] !== 'set' && m['type'] !== 'append' && m['type'] !== 'remove') return 'not an edit';
  if (typeof m['pointer'] !== 'string' || m['pointer'].length > 300) return 'no pointer';
  if (!Number.isSafeInteger(m['baseVersion']) || !Number.isSafeInteger(m['id'])) return 'no base version';
  const pointer = m['pointer'];
  const problem = m['type'] === 'remove' ? checkRemove(pointer) : m['type'] === 'set' ? checkSet(pointer, m['value']) : checkAppend(pointer, m['value']);
  if (problem) return `${pointer}: ${problem}`;
  return m as unknown as EditMessage;
}

/** The edits for a checked message against the document as it is now (`version`). */
export function planEdit(doc: JsonDocument, version: number, msg: EditMessage): Plan {
  if (doc.problems.length || !doc.isObject) return { kind: 'refused', reason: 'The manifest is not valid JSON: fix it in the JSON editor first.' };
  // A key path means the same field in any version; a list index may point at another entry by now.
  if (msg.baseVersion !== version && hasListIndex(msg.pointer)) {
    return { kind: 'refused', reason: 'The manifest changed while you edited this entry; the form now shows the new text. Please make the change again.' };
  }
  try {
    const op = toOp(doc, msg);
    return { kind: 'edits', edits: op ? formEdits(doc, op) : [] };
  } catch (e) {
    if (e instanceof FormEditError) return { kind: 'refused', reason: `This change cannot be made in the form (${e.message}); open the manifest as JSON.` };
    throw e;
  }
}

function toOp(doc: JsonDocument, msg: EditMessage): FormOp | undefined {
  if (msg.type === 'remove') return { kind: 'remove', pointer: msg.pointer };
  if (msg.type === 'append') {
    const current = doc.get(msg.pointer);
    // adding what is there already (a double click, a stale tick) changes nothing
    if (Array.isArray(current) && current.some((v) => sameEntry(v, msg.value))) return undefined;
    return { kind: 'append', pointer: msg.pointer, value: msg.value };
  }
  // a reason for a scope written as a plain string turns the entry into { scope, reason }
  const m = /^\/scopes\/(\d+)\/reason$/.exec(msg.pointer);
  if (m) {
    const entry = doc.get(`/scopes/${m[1]}`);
    if (entry === undefined) throw new FormEditError('that scope entry is gone');
    if (typeof entry === 'string') return { kind: 'set', pointer: `/scopes/${m[1]}`, value: { scope: entry, reason: msg.value } };
  }
  return { kind: 'set', pointer: msg.pointer, value: msg.value };
}

/** Scopes compare by name (`"kb:read"` and `{ "scope": "kb:read", … }` are one entry); other items by value. */
function sameEntry(a: unknown, b: unknown): boolean {
  const name = (v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as Record<string, unknown>)['scope'] === 'string' ? (v as Record<string, unknown>)['scope'] : undefined);
  const na = name(a);
  if (na !== undefined && na === name(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkSet(pointer: string, value: unknown): string | undefined {
  const field = fieldFor(pointer);
  if (field) return checkValue(field, value);
  const list = listOfItem(pointer);
  if (list && (list.item === 'text' || list.item === 'relpath' || list.item === 'event')) return checkItem(list.item, value, list.options);
  return 'not a field of the form';
}

function checkAppend(pointer: string, value: unknown): string | undefined {
  const list = listFor(pointer);
  return list ? checkItem(list.item, value, list.options) : 'not a list of the form';
}

function checkRemove(pointer: string): string | undefined {
  if (fieldFor(pointer) || listOfItem(pointer) || REMOVABLE_OBJECTS.some((t) => matches(t, pointer))) return undefined;
  return 'not removable in the form';
}

function checkValue(field: FieldSpec, v: unknown): string | undefined {
  switch (field.kind) {
    case 'boolean':
      return typeof v === 'boolean' ? undefined : 'expects true or false';
    case 'integer':
      return Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 100_000 ? undefined : 'expects a whole number of days';
    case 'enum':
      return typeof v === 'string' && field.options!.includes(v) ? undefined : `expects one of ${field.options!.join(', ')}`;
    case 'relpath':
      return typeof v === 'string' ? relPathProblem(v, true) : 'expects a path';
    default:
      return typeof v === 'string' && v.length <= MAX_TEXT ? undefined : 'expects text';
  }
}

function checkItem(kind: ListKind, v: unknown, options?: readonly string[]): string | undefined {
  switch (kind) {
    case 'capability':
      return typeof v === 'string' && options!.includes(v) ? undefined : 'not a capability';
    case 'scope': {
      const name = typeof v === 'string' ? v : isPlain(v, ['scope'], ['reason']) ? v['scope'] : undefined;
      return typeof name === 'string' && /^[a-z*][a-z:*]{0,39}$/.test(name) ? undefined : 'not a scope entry';
    }
    case 'event':
      return typeof v === 'string' && /^[A-Za-z*][\w.*]{0,199}$/.test(v) ? undefined : 'not an event name';
    case 'relpath':
      return typeof v === 'string' ? relPathProblem(v, false) : 'expects a path';
    case 'text':
      return typeof v === 'string' && v.length <= MAX_NAME ? undefined : 'expects text';
    case 'thirdParty':
      return isPlain(v, ['name', 'host'], ['purpose']) && Object.values(v).every((x) => typeof x === 'string' && x.length <= MAX_NAME) ? undefined : 'expects { name, host, purpose }';
  }
}

/** A path the listing reads from the app folder: relative, no `..`, no scheme, no drive, no backslash. */
export function relPathProblem(p: string, emptyOk: boolean): string | undefined {
  if (p === '') return emptyOk ? undefined : 'expects a path';
  if (p.length > 500 || /[\0\\]/.test(p)) return 'not a usable path';
  if (p.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(p)) return 'must be a path inside the app folder';
  if (p.split('/').some((s) => s === '..')) return 'must stay inside the app folder';
  return undefined;
}

function isPlain(v: unknown, required: string[], optional: string[]): v is Record<string, JsonValue> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return required.every((k) => typeof (v as Record<string, unknown>)[k] === 'string') && keys.every((k) => required.includes(k) || (optional.includes(k) && typeof (v as Record<string, unknown>)[k] === 'string'));
}

/** Every field pointer template (for tests and the webview's own checks). */
export const FIELD_TEMPLATES: readonly string[] = FIELDS.map((f) => f.pointer);

import type { FileEdit } from '../types';
import { JsonDocument, pathToPointer, pointerToPath } from './json-document';
import { addProperty, appendArrayItems, removeArrayItem, removeProperty, replaceValue } from './minimal-edits';

/*
 * The manifest form's edits, one JSON pointer at a time, as byte-minimal text edits: a form change
 * replaces one value, adds one property or item, or removes one, and every other byte of the file stays
 * as it was (its indentation, line endings, key order and one-line entries included).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type FormOp =
  | { kind: 'set'; pointer: string; value: JsonValue }
  | { kind: 'append'; pointer: string; value: JsonValue }
  | { kind: 'remove'; pointer: string };

/** The op cannot be expressed on this document (e.g. a field under a value that is not an object). */
export class FormEditError extends Error {}

export function formEdits(doc: JsonDocument, op: FormOp): FileEdit[] {
  if (!doc.isObject) throw new FormEditError('the manifest is not a JSON object');
  switch (op.kind) {
    case 'set':
      return setValue(doc, op.pointer, op.value);
    case 'append': {
      const arr = doc.node(op.pointer);
      if (!arr) return setValue(doc, op.pointer, [op.value]);
      if (arr.type !== 'array') throw new FormEditError(`${op.pointer} is not a list`);
      return appendArrayItems(doc, op.pointer, [op.value]);
    }
    case 'remove': {
      const n = doc.node(op.pointer);
      if (!n || op.pointer === '') return [];
      return n.parent?.type === 'array' ? removeArrayItem(doc, op.pointer) : removeProperty(doc, op.pointer);
    }
  }
}

/** Applies one op and returns the new text (tests and the host use the same path). */
export function applyFormOp(text: string, path: string, op: FormOp): string {
  const doc = new JsonDocument(path, text);
  return doc.apply(formEdits(doc, op));
}

function setValue(doc: JsonDocument, pointer: string, value: JsonValue): FileEdit[] {
  const path = pointerToPath(pointer);
  if (!path.length) throw new FormEditError('the form never replaces the whole manifest');
  const existing = doc.node(pointer);
  if (existing) return sameJson(doc.get(pointer), value) ? [] : replaceValue(doc, pointer, value);
  // the deepest present ancestor gets one new property holding the rest of the path
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const ancestor = doc.node(pathToPointer(path.slice(0, depth)));
    if (!ancestor) continue;
    if (ancestor.type !== 'object') throw new FormEditError(`${pathToPointer(path.slice(0, depth)) || 'the manifest'} is not an object`);
    const rest = path.slice(depth);
    if (rest.some((seg) => typeof seg === 'number')) throw new FormEditError(`no list item at ${pointer}`);
    const nested = rest.slice(1).reduceRight<JsonValue>((v, key) => ({ [key]: v }), value);
    return addProperty(doc, pathToPointer(path.slice(0, depth)), String(rest[0]), nested);
  }
  return [];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

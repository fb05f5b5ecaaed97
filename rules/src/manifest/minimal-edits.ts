import type { Node } from 'jsonc-parser';
import type { FileEdit } from '../types';
import type { JsonDocument } from './json-document';

/*
 * Edits that touch only the bytes they change. jsonc-parser's `modify` (JsonDocument.edit) re-formats
 * the whole line its edit starts on, which expands a neighbouring one-line `{ "scope": …, "reason": … }`
 * entry into several lines; manifest fixes must leave every other entry byte-for-byte as it was.
 */

/** Replaces a present value (`"admin"` → `"bot"`). */
export function replaceValue(doc: JsonDocument, pointer: string, value: unknown): FileEdit[] {
  const n = doc.node(pointer);
  return n ? [{ file: doc.path, start: n.offset, end: n.offset + n.length, newText: inlineJson(value) }] : [];
}

/** Removes one array item together with one separator, keeping the other items' layout. */
export function removeArrayItem(doc: JsonDocument, pointer: string): FileEdit[] {
  const item = doc.node(pointer);
  const arr = item?.parent;
  if (!item || arr?.type !== 'array' || !arr.children) return [];
  return removeChild(doc, arr, item);
}

/** Removes `child` (an item or a property) of `container` with one separator; the only child leaves `[]` / `{}`. */
function removeChild(doc: JsonDocument, container: Node, child: Node): FileEdit[] {
  const items = container.children!;
  const i = items.indexOf(child);
  let start: number;
  let end: number;
  if (items.length === 1) {
    start = container.offset + 1;
    end = container.offset + container.length - 1;
  } else if (i < items.length - 1) {
    start = child.offset;
    end = items[i + 1]!.offset;
  } else {
    const prev = items[i - 1]!;
    start = prev.offset + prev.length;
    end = child.offset + child.length;
  }
  return [{ file: doc.path, start, end, newText: '' }];
}

/** Appends items to the array at `pointer`, in the style of the items already there. */
export function appendArrayItems(doc: JsonDocument, pointer: string, values: unknown[]): FileEdit[] {
  const arr = doc.node(pointer);
  if (arr?.type !== 'array' || !values.length) return [];
  const { eol, unit } = style(doc);
  const items = arr.children ?? [];
  const last = items[items.length - 1];
  if (!last) {
    const indent = lineIndent(doc.text, arr.offset);
    const body = values.map((v) => indent + unit + inlineJson(v)).join(',' + eol);
    return [{ file: doc.path, start: arr.offset + 1, end: arr.offset + arr.length - 1, newText: `${eol}${body}${eol}${indent}` }];
  }
  const at = last.offset + last.length;
  const multiLineArray = doc.text.slice(arr.offset, last.offset).includes('\n');
  if (!multiLineArray) return [{ file: doc.path, start: at, end: at, newText: values.map((v) => `, ${inlineJson(v)}`).join('') }];
  const indent = lineIndent(doc.text, last.offset);
  const expanded = isMultiLine(doc, last);
  const render = (v: unknown) => (expanded ? blockJson(v, indent, unit, eol) : inlineJson(v));
  return [{ file: doc.path, start: at, end: at, newText: values.map((v) => `,${eol}${indent}${render(v)}`).join('') }];
}

/** Adds a property to the root object after its last property; an array value gets one item per line. */
export function addRootProperty(doc: JsonDocument, key: string, value: unknown): FileEdit[] {
  return addProperty(doc, '', key, value);
}

/**
 * Adds a property after the last property of the object at `pointer`, in the object's own layout: on a
 * line of its own in a multi-line object, `, "key": value` in a one-line object.
 */
export function addProperty(doc: JsonDocument, pointer: string, key: string, value: unknown): FileEdit[] {
  const obj = doc.node(pointer);
  if (obj?.type !== 'object') return [];
  const { eol, unit } = style(doc);
  const props = obj.children ?? [];
  const last = props[props.length - 1];
  const isRoot = obj === doc.tree;
  const objIndent = lineIndent(doc.text, obj.offset);
  const multiLine = last ? doc.text.slice(obj.offset, last.offset).includes('\n') : isRoot || doc.text.slice(obj.offset, obj.offset + obj.length).includes('\n');
  if (!multiLine) {
    const prop = `${JSON.stringify(key)}: ${inlineJson(value)}`;
    if (!last) return [{ file: doc.path, start: obj.offset + 1, end: obj.offset + obj.length - 1, newText: ` ${prop} ` }];
    const at = last.offset + last.length;
    return [{ file: doc.path, start: at, end: at, newText: `, ${prop}` }];
  }
  const indent = last ? lineIndent(doc.text, last.offset) : isRoot ? unit : objIndent + unit;
  const prop = `${JSON.stringify(key)}: ${blockValue(value, indent, unit, eol)}`;
  if (!last) return [{ file: doc.path, start: obj.offset + 1, end: obj.offset + obj.length - 1, newText: `${eol}${indent}${prop}${eol}${isRoot ? '' : objIndent}` }];
  const at = last.offset + last.length;
  return [{ file: doc.path, start: at, end: at, newText: `,${eol}${indent}${prop}` }];
}

/** Removes one property together with one separator, keeping the other properties' layout. */
export function removeProperty(doc: JsonDocument, pointer: string): FileEdit[] {
  const prop = doc.node(pointer)?.parent;
  const obj = prop?.parent;
  if (prop?.type !== 'property' || obj?.type !== 'object' || !obj.children) return [];
  return removeChild(doc, obj, prop);
}

/** A value placed on a line of its own: non-empty arrays one item per line, nested objects expanded, the rest inline. */
function blockValue(value: unknown, indent: string, unit: string, eol: string): string {
  if (Array.isArray(value) && value.length) return `[${eol}${value.map((v) => indent + unit + inlineJson(v)).join(',' + eol)}${eol}${indent}]`;
  if (value && typeof value === 'object' && Object.values(value).some((v) => v && typeof v === 'object')) return blockJson(value, indent, unit, eol);
  return inlineJson(value);
}

/** One-line JSON with a space after `:` and `,` (`{ "scope": "x", "reason": "y" }`). */
export function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(value) ?? 'null';
}

function blockJson(value: unknown, indent: string, unit: string, eol: string): string {
  return JSON.stringify(value, null, unit).split('\n').join(eol + indent);
}

function style(doc: JsonDocument): { eol: string; unit: string } {
  const f = doc.formatting();
  return { eol: f.eol, unit: f.insertSpaces ? ' '.repeat(f.tabSize) : '\t' };
}

/** The whitespace before the first token on the line of `offset`. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const m = /^[ \t]*/.exec(text.slice(lineStart, offset));
  return m ? m[0] : '';
}

function isMultiLine(doc: JsonDocument, n: Node): boolean {
  return doc.text.slice(n.offset, n.offset + n.length).includes('\n');
}

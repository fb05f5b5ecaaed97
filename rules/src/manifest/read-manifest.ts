// The manifest as typed data, read through the field table (spec.ts). Lenient: a value of the wrong type
// (and JSON null) reads as absent, so a rule never trips over a number where it expects a URL; the schema
// check (manifest-invalid) reports it. Keys the table does not know are left out.
import { childRows, fieldRow, kindsOf, type FieldRow, type Manifest, type ValueKind } from './spec';

/**
 * The manifest's fields, typed. `mistyped`, when given, collects the JSON pointers of values that are present
 * but of a type the table does not allow (null counts as absent), for the rules that word that case themselves.
 */
export function readManifest(value: unknown, mistyped?: Set<string>): Manifest {
  // the one cast: the table's rows and the Manifest type are the same list (test/unit/manifest-spec.test.ts)
  return (isObject(value) ? readObject(value, '', '', mistyped) : {}) as Manifest;
}

function readAt(row: FieldRow, pointer: string, value: unknown, mistyped: Set<string> | undefined): unknown {
  if (value === undefined || value === null) return undefined;
  for (const kind of kindsOf(row)) {
    if (!fits(kind, value)) continue;
    if (kind === 'object') return readObject(value as Record<string, unknown>, row.pointer, pointer, mistyped);
    if (kind === 'array') return readArray(value as unknown[], row.pointer, pointer, mistyped);
    if (kind === 'map') return readMap(value as Record<string, unknown>, row.pointer, pointer, mistyped);
    return value;
  }
  mistyped?.add(pointer);
  return undefined;
}

function readObject(value: Record<string, unknown>, template: string, pointer: string, mistyped: Set<string> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of childRows(template)) {
    const key = row.pointer.slice(template.length + 1);
    if (!Object.hasOwn(value, key)) continue;
    const v = readAt(row, `${pointer}/${escape(key)}`, value[key], mistyped);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function readArray(value: readonly unknown[], template: string, pointer: string, mistyped: Set<string> | undefined): unknown[] {
  const item = fieldRow(`${template}/{i}`);
  return value.map((v, i) => (item ? readAt(item, `${pointer}/${i}`, v, mistyped) : undefined));
}

function readMap(value: Record<string, unknown>, template: string, pointer: string, mistyped: Set<string> | undefined): Record<string, unknown> {
  const [entry] = childRows(template);
  // fromEntries defines own properties, so a key such as "__proto__" stays data
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, entry ? readAt(entry, `${pointer}/${escape(k)}`, v, mistyped) : undefined]));
}

function fits(kind: ValueKind, value: unknown): boolean {
  switch (kind) {
    case 'string': return typeof value === 'string';
    // the schema says integer and reports a fraction; a reader still sees the number
    case 'integer': return typeof value === 'number' && Number.isFinite(value);
    case 'boolean': return typeof value === 'boolean';
    case 'object': case 'map': return isObject(value);
    case 'array': return Array.isArray(value);
    case 'any': return true;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** One RFC 6901 segment. */
function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

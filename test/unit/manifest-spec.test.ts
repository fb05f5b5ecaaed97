// "Adding a manifest field is one edit": every row of the field table (rules/src/manifest/spec.ts) must be known
// to the JSON schema, to the form and to readManifest. A row that one of them misses fails here.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { FIELDS, LISTS, REMOVABLE_OBJECTS } from '../../client/src/manifest-editor/fields';
import { clause } from '../../rules/src/clauses';
import { readManifest } from '../../rules/src/manifest/read-manifest';
import { MANIFEST_FIELDS, fieldRow, kindsOf, type FieldRow, type ValueKind } from '../../rules/src/manifest/spec';
import { manifestSchema } from '../../scripts/gen-manifest-schema';
import { REPO } from '../support/rule-folders';

type Schema = Record<string, unknown>;
const ROWS: readonly FieldRow[] = MANIFEST_FIELDS;
const schema = manifestSchema();

/** The schema node of a pointer template, following $refs, items, map values and the object side of if/else. */
function schemaAt(template: string): Schema | undefined {
  let node: Schema | undefined = schema;
  for (const seg of template.split('/').slice(1)) {
    node = deref(node);
    if (node?.['else']) node = deref(node['else'] as Schema);
    if (!node) return undefined;
    if (seg === '{i}') node = node['items'] as Schema | undefined;
    else if (seg === '{clause}') node = node['additionalProperties'] as Schema | undefined;
    else node = (node['properties'] as Record<string, Schema> | undefined)?.[seg];
  }
  return node;
}

function deref(node: Schema | undefined): Schema | undefined {
  const ref = node?.['$ref'];
  if (typeof ref !== 'string') return node;
  return (schema['definitions'] as Record<string, Schema>)[ref.replace('#/definitions/', '')];
}

/** A concrete pointer for a template: the first entry of a list, clause A.1 of a map. */
const concrete = (template: string) => template.replace(/\{i\}/g, '0').replace(/\{clause\}/g, 'A.1');

// a string that fits a row's pattern; a new pattern needs a sample here
const PATTERN_SAMPLES = ['1.4.0', '2026-01-01', 'api.twilio.com', 'scope-unused', '/scopes/0'];

/** A valid value for every row of the table, nested as the manifest nests them. */
function sample(row: FieldRow): unknown {
  const kinds = kindsOf(row);
  const kind: ValueKind = kinds.find((k) => k === 'object' || k === 'array' || k === 'map') ?? kinds[0]!;
  switch (kind) {
    case 'string': {
      if (row.enum) return row.enum[0];
      if (row.catalog) return row.catalog === 'scope' ? 'contacts:read' : 'contact.delete';
      if (row.pattern) {
        const fit = PATTERN_SAMPLES.find((s) => new RegExp(row.pattern!).test(s));
        assert.ok(fit, `${row.pointer}: add a sample string for the pattern ${row.pattern} to this test`);
        return fit;
      }
      return `a ${row.pointer.split('/').pop()}`;
    }
    case 'integer': return 1;
    case 'boolean': return true;
    case 'any': return 'anything';
    case 'array': return [sample(fieldRow(`${row.pointer}/{i}`)!)];
    case 'map': return { 'A.1': sample(ROWS.find((r) => r.pointer.startsWith(`${row.pointer}/{`) && r.pointer.split('/').length === row.pointer.split('/').length + 1)!) };
    case 'object': return objectSample(row.pointer);
  }
}

function objectSample(template: string): Record<string, unknown> {
  const depth = template.split('/').length;
  return Object.fromEntries(ROWS.filter((r) => r.pointer.startsWith(`${template}/`) && r.pointer.split('/').length === depth + 1).map((r) => [r.pointer.split('/').pop()!, sample(r)]));
}

function valueAt(root: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((v, seg) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined), root);
}

function setAt(root: Record<string, unknown>, pointer: string, value: unknown): void {
  const segs = pointer.split('/').slice(1);
  const parent = segs.slice(0, -1).reduce<Record<string, unknown>>((v, seg) => v[seg] as Record<string, unknown>, root);
  parent[segs[segs.length - 1]!] = value;
}

describe('the manifest field table', () => {
  it('has one row per pointer, each under a parent row', () => {
    const pointers = ROWS.map((r) => r.pointer);
    assert.equal(new Set(pointers).size, pointers.length, 'a pointer is listed twice');
    for (const r of ROWS) {
      const parent = r.pointer.slice(0, r.pointer.lastIndexOf('/'));
      assert.ok(parent === '' || fieldRow(parent), `${r.pointer}: no row for its parent ${parent}`);
    }
  });

  it('names real clauses, each in the help text a user reads', () => {
    for (const r of ROWS) for (const id of r.clauses ?? []) {
      assert.ok(clause(id), `${r.pointer}: ${id} is not a clause`);
      assert.ok(r.help?.includes(id), `${r.pointer}: the help text does not name ${id}`);
    }
  });

  it('every row is in the JSON schema, with its help, enum, pattern and required flag', () => {
    for (const r of ROWS) {
      const node = schemaAt(r.pointer);
      assert.ok(node, `${r.pointer} is not in the schema`);
      const own = r.definition ? deref({ $ref: `#/definitions/${r.definition}` })! : node;
      if (r.help) assert.equal(own['description'], r.help, `${r.pointer}: description`);
      if (r.enum) assert.deepEqual(own['enum'], r.enum, `${r.pointer}: enum`);
      if (r.pattern) assert.equal(own['pattern'], r.pattern, `${r.pointer}: pattern`);
      if (r.catalog) assert.ok(JSON.stringify(node).includes(r.catalog === 'scope' ? 'scopeName' : 'eventName'), `${r.pointer}: catalog`);
      const parent = r.pointer.slice(0, r.pointer.lastIndexOf('/'));
      const required = (parent === '' ? schema : deref(deref(schemaAt(parent))?.['else'] as Schema) ?? deref(schemaAt(parent)))?.['required'] as string[] | undefined;
      assert.equal(required?.includes(r.pointer.split('/').pop()!) ?? false, r.required ?? false, `${r.pointer}: required`);
    }
  });

  it('the form has every row that names a control, and renders each section it names', () => {
    const webview = readdirSync(join(REPO, 'client/webview/manifest-form')).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(REPO, 'client/webview/manifest-form', f), 'utf8')).join('\n');
    for (const r of ROWS) {
      if (r.input) {
        const f = FIELDS.find((x) => x.pointer === r.pointer);
        assert.ok(f, `${r.pointer} is not a form field`);
        assert.deepEqual([f.label, f.kind, f.help], [r.label, r.input, r.help], r.pointer);
        // a templated field sits in a list or map the form draws; a plain one needs a section to appear in
        if (!r.pointer.includes('{')) {
          assert.ok(r.section, `${r.pointer}: a plain form field needs a section`);
          assert.match(webview, new RegExp(`fields(?:In)?\\((?:v, )?'${r.section}'\\)`), `${r.pointer}: the webview renders no section '${r.section}'`);
        }
      }
      if (r.list) assert.ok(LISTS.some((l) => l.pointer === r.pointer && l.label === r.label && l.item === r.list), `${r.pointer} is not a form list`);
      if (r.removable) assert.ok(REMOVABLE_OBJECTS.includes(r.pointer));
    }
    assert.equal(FIELDS.length, ROWS.filter((r) => r.input).length);
  });

  it('a manifest with every field is valid and readManifest reads every field back', () => {
    const full = objectSample('');
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    assert.ok(validate(full), JSON.stringify(validate.errors));
    const mistyped = new Set<string>();
    assert.deepEqual(readManifest(full, mistyped), full);
    assert.deepEqual([...mistyped], []);
    for (const r of ROWS) assert.notEqual(valueAt(full, concrete(r.pointer)), undefined, `${r.pointer} has no sample`);
  });

  it('readManifest reads a value of the wrong type as absent and names its pointer', () => {
    for (const r of ROWS) {
      if (kindsOf(r).includes('any')) continue;
      const pointer = concrete(r.pointer);
      const manifest = objectSample('');
      setAt(manifest, pointer, kindsOf(r).includes('string') ? 42 : 'text');
      const mistyped = new Set<string>();
      const read = readManifest(manifest, mistyped);
      assert.equal(valueAt(read, pointer), undefined, pointer);
      assert.deepEqual([...mistyped], [pointer], pointer);
    }
  });

  it('readManifest keeps list positions, reads null as absent and leaves unknown keys out', () => {
    const mistyped = new Set<string>();
    const read = readManifest({ name: null, scopes: [7, 'contacts:read', { scope: 'messages:read', reason: 3 }], extra: 1, ['__proto__']: { name: 'x' } }, mistyped);
    assert.deepEqual(read, { scopes: [undefined, 'contacts:read', { scope: 'messages:read' }] });
    assert.deepEqual([...mistyped].sort(), ['/scopes/0', '/scopes/2/reason']);
    assert.deepEqual(readManifest(JSON.parse('{"compliance":{"attestations":{"__proto__":{"by":"me"}}}}')).compliance?.attestations?.['__proto__'], { by: 'me' });
    assert.deepEqual(readManifest([1, 2]), {});
  });
});

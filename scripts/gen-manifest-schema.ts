// Builds the JSON schema of web1on1-app.json (rules/schema/web1on1-app.schema.json) from the field table
// (rules/src/manifest/spec.ts). The scope and webhook-event enums come from rules/data, the attestation keys
// from the clause registry, so the schema cannot drift from the data; test/unit/manifest-schema-drift.test.ts
// fails when the committed file differs from what this produces.
// Run: npx tsx scripts/gen-manifest-schema.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import clauses from '../rules/policy/clauses.json';
import events from '../rules/data/events.json';
import scopes from '../rules/data/scopes.json';
import { childRows, fieldRow, kindsOf, type FieldRow, type ValueKind } from '../rules/src/manifest/spec';

export const MANIFEST_SCHEMA_PATH = join(__dirname, '..', 'rules', 'schema', 'web1on1-app.schema.json');

type Schema = Record<string, unknown>;

const CATALOG_DEFINITIONS = { scope: 'scopeName', event: 'eventName' } as const;

/** `<resource>:*` for every resource of the catalog: allowed here so that scope-overbroad, not the schema, reports it. */
function scopeWildcardPattern(): string {
  const resources = [...new Set(scopes.scopes.map((s) => s.scope.split(':')[0]!))].sort();
  return `^(?:${resources.join('|')}):\\*$`;
}

/** Event names the webhook may subscribe to: `<resource>.<action>` and `message.create.<sender>.<type>[.<recipient>]`, with `*`/`**`. */
function eventPattern(): string {
  const resources = Object.keys(events.resourceScopes).sort().join('|');
  const actions = [...events.actions].sort().join('|');
  const roles = [...events.messageSenderRoles].sort().join('|');
  const types = [...events.messageTypes].sort().join('|');
  const any = '\\*{1,2}';
  return `^(?:${any}|(?:${resources}|\\*)\\.(?:${actions}|${any})|message\\.(?:create|\\*)\\.(?:${roles}|${any})(?:\\.(?:${types}|${any})(?:\\.(?:${roles}|\\*))?)?)$`;
}

/** Shapes the table names once (`definition`), filled while the properties are built. */
class SchemaBuilder {
  readonly definitions: Schema = {
    scopeName: {
      type: 'string',
      description: 'A scope of the Policy Lens scope catalog.',
      anyOf: [{ enum: [...scopes.scopes.map((s) => s.scope), ...scopes.overbroad] }, { pattern: scopeWildcardPattern() }],
      errorMessage: 'is not a scope of the Policy Lens scope catalog',
    },
    eventName: {
      type: 'string',
      description: 'A Web1on1 webhook event, or a pattern with * (one part) or ** (any parts).',
      anyOf: [{ enum: events.known }, { pattern: eventPattern() }],
      errorMessage: 'is not a Web1on1 webhook event, e.g. "message.create.contact.chat", "contact.delete" or "contact.*"',
    },
  };

  /** The schema of one row (a definition's $ref when the row names one). */
  row(row: FieldRow): Schema {
    const kinds = kindsOf(row);
    if (kinds.length === 1) return this.named(row, () => this.ofKind(row, kinds[0]!));
    if (kinds.length === 2 && kinds[0] === 'string' && kinds[1] === 'object') {
      // a name, or the same name as an object with more to say about it (a scope with its reason)
      return { if: { type: 'string' }, then: this.ofKind(row, 'string'), else: this.ofKind(row, 'object') };
    }
    if (kinds.every((k) => k === 'string' || k === 'array')) {
      const item = fieldRow(`${row.pointer}/{i}`);
      return { type: [...kinds], ...(item ? { items: this.row(item) } : {}), ...describe(row) };
    }
    throw new Error(`${row.pointer}: no schema for the alternatives ${kinds.join(', ')}`);
  }

  private named(row: FieldRow, build: () => Schema): Schema {
    if (!row.definition) return build();
    this.definitions[row.definition] = build();
    return { $ref: `#/definitions/${row.definition}` };
  }

  private ofKind(row: FieldRow, kind: ValueKind): Schema {
    switch (kind) {
      case 'string':
        if (row.catalog) return { $ref: `#/definitions/${CATALOG_DEFINITIONS[row.catalog]}` };
        if (row.enum) return { enum: row.enum, ...describe(row) };
        return { type: 'string', ...describe(row), ...constraints(row) };
      case 'integer':
      case 'boolean':
        return { type: kind, ...constraints(row), ...describe(row) };
      case 'any':
        return { ...describe(row), ...(row.deprecated ? { deprecationMessage: row.deprecated } : {}) };
      case 'array': {
        const item = fieldRow(`${row.pointer}/{i}`);
        return { type: 'array', ...(row.uniqueItems ? { uniqueItems: true } : {}), ...describe(row), ...(item ? { items: this.row(item) } : {}) };
      }
      case 'object':
        return this.object(row.pointer, describe(row));
      case 'map':
        return this.map(row);
    }
  }

  object(template: string, description: Schema = {}): Schema {
    const children = childRows(template);
    const required = children.filter((c) => c.required).map((c) => key(template, c));
    return {
      type: 'object',
      additionalProperties: false,
      ...description,
      ...(required.length ? { required } : {}),
      properties: Object.fromEntries(children.map((c) => [key(template, c), this.row(c)])),
    };
  }

  /** A map keyed by clause ids: each clause of the registry is a property (with its text for hovers). */
  private map(row: FieldRow): Schema {
    const [entry] = childRows(row.pointer);
    if (!entry || key(row.pointer, entry) !== '{clause}') throw new Error(`${row.pointer}: a map needs one {clause} row`);
    const value = this.row(entry);
    const properties = Object.fromEntries(clauses.clauses.map((c) => [c.id, { ...value, description: `${c.id} (${c.sectionTitle}): ${c.text}` }]));
    return { type: 'object', ...describe(row), properties, additionalProperties: value };
  }
}

function key(template: string, row: FieldRow): string {
  return row.pointer.slice(template.length + 1);
}

function describe(row: FieldRow): Schema {
  return {
    ...(row.help ? { description: row.help } : {}),
    ...(row.examples ? { examples: row.examples } : {}),
  };
}

function constraints(row: FieldRow): Schema {
  return {
    ...(row.minLength !== undefined ? { minLength: row.minLength } : {}),
    ...(row.minimum !== undefined ? { minimum: row.minimum } : {}),
    ...(row.pattern ? { pattern: row.pattern } : {}),
    ...(row.patternMessage ? { patternErrorMessage: row.patternMessage } : {}),
  };
}

export function manifestSchema(): Schema {
  const builder = new SchemaBuilder();
  const root = builder.object('');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'web1on1-app.schema.json',
    title: 'Web1on1 app manifest (web1on1-app.json, Policy Lens)',
    description: "Policy Lens's least-privilege declaration of a Web1on1 app. Web1on1 publishes no app manifest; this file is not a Web1on1 format.",
    $comment: 'GENERATED by scripts/gen-manifest-schema.ts from rules/src/manifest/spec.ts, rules/data and rules/policy; do not edit by hand.',
    type: root['type'],
    additionalProperties: root['additionalProperties'],
    required: root['required'],
    definitions: builder.definitions,
    properties: root['properties'],
  };
}

export function manifestSchemaText(): string {
  return JSON.stringify(manifestSchema(), null, 2) + '\n';
}

if (require.main === module) {
  writeFileSync(MANIFEST_SCHEMA_PATH, manifestSchemaText());
  console.log('rules/schema/web1on1-app.schema.json written');
}

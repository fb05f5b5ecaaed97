import type { ErrorObject, ValidateFunction } from 'ajv';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import schema from '../../schema/web1on1-app.schema.json';
import { pathToPointer, pointerToPath, type JsonDocument } from '../../src/manifest/json-document';
import { createAppRule, type AppReport } from '../../src/rule';
import { closest } from './closest';

let compiled: ValidateFunction | undefined;
/** The schema check, loaded and compiled when a manifest is first read: a check of plain code never pays for ajv. */
function schemaCheck(): ValidateFunction {
  if (!compiled) {
    // a require here, not an import: the bundle then evaluates ajv only when it is needed
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    compiled = new Ajv({ strict: false, allErrors: true, verbose: true }).compile(schema);
  }
  return compiled;
}
/** A manifest that fails everywhere would bury the one typo that matters. */
const MAX_SCHEMA_FINDINGS = 50;

export default createAppRule({
  meta: {
    id: 'manifest-invalid',
    target: 'manifest',
    description: 'The manifest is not strict JSON, not an object, or does not match the web1on1-app.json schema.',
    clauses: [],
    severity: 'error',
    fixable: true,
    messages: {
      empty: 'The manifest file is empty: it must hold a JSON object such as { "name": "Service Reminder Bot" }',
      notObject: 'The manifest must be a JSON object, not {{what}}',
      syntax: '{{problem}}',
      duplicateKey: 'Duplicate key "{{key}}": JSON readers keep only one of the two values, so one of them is silently lost',
      schema: '{{message}}',
    },
  },
  check(context) {
    const doc = context.manifest;
    if (!doc) return;
    const file = context.app.manifestPath;
    if (doc.text.trim() === '') {
      context.report({ messageId: 'empty', file, start: 0, end: doc.text.length });
      return;
    }
    for (const p of doc.problems) context.report({ messageId: 'syntax', data: { problem: p.message }, file, start: p.start, end: p.end, fixes: syntaxFixes(doc, p) });
    const errors: ParseError[] = [];
    parseTree(doc.text, errors, { allowTrailingComma: true });
    // after a real syntax error the value is a guess: schema findings on it would mislead
    if (errors.length) return;
    for (const k of duplicateKeys(doc.tree)) context.report({ messageId: 'duplicateKey', data: { key: String(k.value) }, file, start: k.offset, end: k.offset + k.length });
    const v = doc.value;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      context.report({ messageId: 'notObject', data: { what: v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}` }, pointer: '' });
      return;
    }
    const validate = schemaCheck();
    if (validate(v)) return;
    for (const r of schemaReports(validate.errors ?? []).slice(0, MAX_SCHEMA_FINDINGS)) context.report(r);
  },
});

function syntaxFixes(doc: JsonDocument, p: { message: string; start: number; end: number }): AppReport['fixes'] {
  if (p.message.startsWith('Trailing comma')) return [{ description: 'Remove the trailing comma', edits: [{ file: doc.path, start: p.start, end: p.end, newText: '' }], safe: true }];
  if (p.message.startsWith('Comments')) {
    // take the comment's own line with it when nothing else is on that line
    const lineStart = doc.text.lastIndexOf('\n', p.start - 1) + 1;
    const alone = doc.text.slice(lineStart, p.start).trim() === '' && (doc.text[p.end] === '\n' || doc.text.startsWith('\r\n', p.end));
    const edit = alone ? { start: lineStart, end: p.end + (doc.text[p.end] === '\r' ? 2 : 1) } : { start: p.start, end: p.end };
    return [{ description: 'Remove the comment', edits: [{ file: doc.path, ...edit, newText: '' }], safe: false }];
  }
  return [];
}

/** Second and later occurrences of a key within one object (the parser keeps the last silently). */
function duplicateKeys(root: Node | undefined): Node[] {
  const out: Node[] = [];
  const stack = root ? [root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'object') {
      const seen = new Set<unknown>();
      for (const prop of n.children ?? []) {
        const key = prop.children?.[0];
        if (!key) continue;
        if (seen.has(key.value)) out.push(key);
        seen.add(key.value);
      }
    }
    for (const c of n.children ?? []) stack.push(c);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** ajv errors as one readable finding per offending value ("/scopes must be array"). */
function schemaReports(errors: ErrorObject[]): AppReport[] {
  const out: AppReport[] = [];
  const explained = new Set<string>();
  // An unknown scope name is scope-unused's finding (it cites B.6/C.5 and offers the fix); the schema's
  // scope enum is there for the editor's completion, so it is not reported twice here.
  const ownedElsewhere = (pointer: string, e: ErrorObject) => /^\/scopes\/\d+(\/scope)?$/.test(pointer) && (e.keyword === 'enum' || (e.parentSchema as { errorMessage?: unknown } | undefined)?.errorMessage !== undefined);
  const report = (pointer: string, message: string) => out.push({ messageId: 'schema', data: { message }, pointer });
  // a value that failed a schema with its own errorMessage gets that message, not the branches' noise
  for (const e of errors) {
    const custom = (e.parentSchema as { errorMessage?: unknown } | undefined)?.errorMessage;
    if (typeof custom !== 'string' || explained.has(e.instancePath)) continue;
    explained.add(e.instancePath);
    if (ownedElsewhere(e.instancePath, e)) continue;
    const allowed = errors.find((x) => x.instancePath === e.instancePath && x.keyword === 'enum')?.params.allowedValues as unknown[] | undefined;
    report(e.instancePath, `${where(e.instancePath)} ${show(e.data)} ${custom}${suggestion(e.data, allowed)}`);
  }
  for (const e of errors) {
    if (explained.has(e.instancePath) || e.keyword === 'if' || ownedElsewhere(e.instancePath, e)) continue;
    const path = where(e.instancePath);
    switch (e.keyword) {
      case 'additionalProperties': {
        const name = String(e.params.additionalProperty);
        const known = Object.keys((e.parentSchema as { properties?: object }).properties ?? {}).filter((k) => k !== '$schema');
        report(pathToPointer([...pointerToPath(e.instancePath), name]), `${path} has an unknown field "${name}"${suggestion(name, known)}`);
        break;
      }
      case 'required': {
        const name = String(e.params.missingProperty);
        report(pathToPointer([...pointerToPath(e.instancePath), name]), `${path} must have the field "${name}"`);
        break;
      }
      case 'enum': {
        const allowed = e.params.allowedValues as unknown[];
        const list = allowed.length <= 8 ? `: ${allowed.map((a) => JSON.stringify(a)).join(', ')}` : '';
        report(e.instancePath, `${path} ${show(e.data)} must be one of the allowed values${list}${list ? '' : suggestion(e.data, allowed)}`);
        break;
      }
      case 'pattern': {
        const custom = (e.parentSchema as { patternErrorMessage?: unknown }).patternErrorMessage;
        report(e.instancePath, `${path} ${show(e.data)} ${typeof custom === 'string' ? custom : e.message ?? 'is invalid'}`);
        break;
      }
      case 'type':
        report(e.instancePath, `${path} ${e.message ?? 'has the wrong type'} (it is ${kindOf(e.data)})`);
        break;
      default:
        report(e.instancePath, `${path} ${e.message ?? 'is invalid'}`);
    }
  }
  // one finding per value: the first, most specific explanation wins
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.pointer}\0${r.data?.['message']}`;
    const dup = seen.has(key);
    seen.add(key);
    return !dup;
  });
}

function where(instancePath: string): string {
  return instancePath === '' ? 'The manifest' : instancePath;
}

function show(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value)?.slice(0, 40) ?? String(value);
  return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function suggestion(value: unknown, candidates: readonly unknown[] | undefined): string {
  if (typeof value !== 'string' || !candidates) return '';
  const best = closest(value, candidates.filter((c): c is string => typeof c === 'string'));
  return best ? ` (did you mean "${best}"?)` : '';
}

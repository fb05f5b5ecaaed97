// The manifest form's edit layer (rules/src/manifest/form-edits.ts + form-model.ts), property-based: any
// sequence of form edits on any well-formed manifest, in any indentation and line-ending style, yields
// strict JSON with exactly the intended value, and each edit touches only the bytes of the one value,
// property or item it changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FIELDS, LISTS, ATTESTED_CLAUSES, MARKETPLACES, TOKEN_ROLES } from '../../client/src/manifest-editor/fields';
import { parseEditMessage, planEdit } from '../../client/src/manifest-editor/form-model';
import type { EditMessage } from '../../client/src/manifest-editor/messages';
import { FormEditError, formEdits, type JsonValue } from '../../rules/src/manifest/form-edits';
import { JsonDocument, pointerToPath } from '../../rules/src/manifest/json-document';

const PATH = '/app/web1on1-app.json';
type Obj = { [k: string]: JsonValue };

// ---- manifests in many layouts --------------------------------------------------------------------

const text = fc.string({ unit: 'binary', maxLength: 12 });
const scopeName = fc.constantFrom('contacts:read', 'messages:read', 'messages:consumer', 'kb:read', 'forms:read');
const scopeEntry = fc.oneof(scopeName, fc.record({ scope: scopeName, reason: text }), fc.record({ scope: scopeName }));
const attestation = fc.record({ statement: text, by: text, date: fc.constant('2026-09-14') }, { requiredKeys: [] });

const manifest: fc.Arbitrary<Obj> = fc.record(
  {
    name: text,
    version: fc.constant('1.0.0'),
    description: text,
    developer: fc.record({ name: text, email: text, url: text }, { requiredKeys: [] }),
    listing: fc.record({ marketplace: fc.constantFrom(...MARKETPLACES), category: text, screenshots: fc.array(fc.constant('media/s.png'), { maxLength: 2 }) }, { requiredKeys: [] }),
    capabilities: fc.array(fc.constant('consumer-facing'), { maxLength: 1 }),
    tokenRole: fc.constantFrom(...TOKEN_ROLES),
    scopes: fc.uniqueArray(scopeEntry, { maxLength: 4, selector: (e) => (typeof e === 'string' ? e : e.scope) }),
    webhook: fc.record({ url: text, events: fc.array(fc.constantFrom('contact.delete', 'message.create.contact.chat'), { maxLength: 2 }) }, { requiredKeys: [] }),
    privacyPolicyUrl: text,
    support: fc.record({ email: text, url: text, docsUrl: text }, { requiredKeys: [] }),
    dataProtection: fc.record({
      personalData: fc.array(fc.constantFrom('contact.name', 'contact.telephone'), { maxLength: 2 }),
      retentionDays: fc.nat(400),
      storesPersonalData: fc.boolean(),
      thirdParties: fc.array(fc.record({ name: text, host: fc.constant('api.twilio.com') }), { maxLength: 2 }),
    }, { requiredKeys: [] }),
    compliance: fc.record({ attestations: fc.dictionary(fc.constantFrom(...ATTESTED_CLAUSES), attestation, { maxKeys: 2 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['name'] },
) as fc.Arbitrary<Obj>;

interface Layout { unit: string; eol: string; oneLine: boolean[]; finalEol: boolean }
const layout: fc.Arbitrary<Layout> = fc.record({
  unit: fc.constantFrom('  ', '    ', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  oneLine: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
  finalEol: fc.boolean(),
});

/** JSON in a given style: the root is multi-line, each nested container one-line or not by the layout. */
function render(value: Obj, l: Layout): string {
  let n = 0;
  const go = (v: JsonValue, indent: string, root: boolean): string => {
    if (!v || typeof v !== 'object') return JSON.stringify(v);
    const entries: [string | undefined, JsonValue][] = Array.isArray(v) ? v.map((x) => [undefined, x]) : Object.entries(v);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (!entries.length) return open + close;
    const item = ([k, x]: [string | undefined, JsonValue], ind: string) => (k === undefined ? '' : JSON.stringify(k) + ': ') + go(x, ind, false);
    if (!root && l.oneLine[n++ % l.oneLine.length]) return `${open} ${entries.map((e) => item(e, indent)).join(', ')} ${close}`;
    const inner = indent + l.unit;
    return `${open}${l.eol}${entries.map((e) => inner + item(e, inner)).join(',' + l.eol)}${l.eol}${indent}${close}`;
  };
  return go(value, '', true) + (l.finalEol ? l.eol : '');
}

// ---- form edits --------------------------------------------------------------------------------------

const idx = fc.nat(3).map(String);
const clause = fc.constantFrom(...ATTESTED_CLAUSES);
const fieldValue = (pointer: string): fc.Arbitrary<JsonValue> => {
  const f = FIELDS.find((x) => x.pointer === pointer)!;
  if (f.kind === 'boolean') return fc.boolean();
  if (f.kind === 'integer') return fc.nat(1000);
  if (f.kind === 'enum') return fc.constantFrom(...f.options!);
  if (f.kind === 'relpath') return fc.constantFrom('media/icon.png', 'icon.svg', '');
  return text;
};
const instantiate = (template: string) => fc.tuple(idx, clause).map(([i, c]) => template.replace('{i}', i).replace('{clause}', c));

const setMsg = fc.constantFrom(...FIELDS.map((f) => f.pointer)).chain((t) => fc.tuple(instantiate(t), fieldValue(t))).map(([pointer, value]) => ({ type: 'set' as const, pointer, value }));
const appendMsg = fc.oneof(
  fc.record({ pointer: fc.constant('/scopes'), value: fc.oneof(scopeName, fc.record({ scope: scopeName })) as fc.Arbitrary<JsonValue> }),
  fc.record({ pointer: fc.constant('/capabilities'), value: fc.constant('consumer-facing') }),
  fc.record({ pointer: fc.constant('/webhook/events'), value: fc.constantFrom('contact.delete', 'contact.*', 'conversation.update') }),
  fc.record({ pointer: fc.constant('/dataProtection/personalData'), value: fc.constantFrom('contact.email', 'contact.name') }),
  fc.record({ pointer: fc.constant('/listing/screenshots'), value: fc.constant('media/screen-2.png') }),
  fc.record({ pointer: fc.constant('/dataProtection/thirdParties'), value: fc.record({ name: text, host: fc.constant('api.example.org') }) as fc.Arbitrary<JsonValue> }),
).map((m) => ({ type: 'append' as const, ...m }));
const removeMsg = fc.oneof(
  fc.constantFrom(...LISTS.map((l) => l.pointer)).chain((p) => idx.map((i) => `${p}/${i}`)),
  fc.constantFrom(...FIELDS.map((f) => f.pointer)).chain(instantiate),
  clause.map((c) => `/compliance/attestations/${c}`),
).map((pointer) => ({ type: 'remove' as const, pointer }));
const message = fc.oneof(setMsg, appendMsg, removeMsg);

/** What the manifest should be after the message, computed on plain objects (the reference model). */
function expected(before: Obj, m: { type: string; pointer: string; value?: JsonValue }): Obj | 'unchanged' {
  const v = structuredClone(before);
  const path = pointerToPath(m.pointer);
  let parent: JsonValue = v;
  for (const key of path.slice(0, -1)) {
    const next: JsonValue | undefined = (parent as Obj)[key as string];
    if (next === undefined) {
      if (m.type !== 'set' && m.type !== 'append') return 'unchanged';
      if (typeof key === 'number' || Array.isArray(parent)) return 'unchanged';
      (parent as Obj)[key] = {};
    } else if (typeof next !== 'object' || next === null) {
      // a reason on a scope written as a string turns the entry into { scope, reason }
      if (typeof next === 'string' && m.type === 'set' && /^\/scopes\/\d+\/reason$/.test(m.pointer)) {
        (parent as JsonValue[])[key as number] = { scope: next, reason: m.value! };
        return v;
      }
      return 'unchanged';
    }
    parent = (parent as Obj)[key as string]!;
  }
  const last = path[path.length - 1]!;
  const container = parent as Obj & JsonValue[];
  if (m.type === 'remove') {
    if (Array.isArray(container)) {
      if (Number(last) >= container.length) return 'unchanged';
      container.splice(Number(last), 1);
    } else if (last in container) delete container[last];
    return v;
  }
  if (m.type === 'set') {
    if (Array.isArray(container) && Number(last) >= container.length) return 'unchanged';
    container[last as string] = m.value!;
    return v;
  }
  const name = (x: unknown) => (typeof x === 'string' ? x : (x as Obj | null)?.['scope']);
  const list = container[last as string] as JsonValue[] | undefined;
  if (!list) container[last as string] = [m.value!];
  else if (!list.some((x) => JSON.stringify(x) === JSON.stringify(m.value) || (name(x) !== undefined && name(x) === name(m.value)))) list.push(m.value!);
  return v;
}

describe('manifest form edits (property-based)', () => {
  it('any sequence of form edits yields strict JSON with the intended value and touches only what it changes', () => {
    fc.assert(
      fc.property(manifest, layout, fc.array(message, { minLength: 1, maxLength: 12 }), (start, l, generated) => {
        // plain objects, as JSON.parse and postMessage give them (fast-check's records have no prototype)
        const msgs = JSON.parse(JSON.stringify(generated)) as typeof generated;
        let text = render(start, l);
        let model: Obj = structuredClone(start);
        assert.deepEqual(JSON.parse(text), model, 'the rendered start is the manifest');
        msgs.forEach((m, version) => {
          const msg = parseEditMessage({ ...m, id: version, baseVersion: version });
          assert.equal(typeof msg, 'object', `the form's own message is accepted: ${String(msg)}`);
          const doc = new JsonDocument(PATH, text);
          const plan = planEdit(doc, version, msg as EditMessage);
          const want = expected(model, m);
          if (plan.kind === 'refused') {
            assert.equal(want, 'unchanged', `refused only where the model cannot change either: ${plan.reason}`);
            return;
          }
          assert.ok(plan.edits.length <= 1, 'one contiguous edit per form change');
          const next = doc.apply(plan.edits);
          const parsed: unknown = JSON.parse(next); // strict JSON after every step
          assert.deepEqual(parsed, want === 'unchanged' ? model : want);
          for (const e of plan.edits) assertMinimal(doc, text, e.start, e.end, e.newText, m, l);
          assertStyle(text, next, l);
          text = next;
          model = parsed as Obj;
        });
      }),
      { numRuns: 400, includeErrorInReport: true },
    );
  });
});

/** The replaced bytes are the target value (set), nothing (insert), or the target plus one separator (remove). */
function assertMinimal(doc: JsonDocument, text: string, start: number, end: number, newText: string, m: { type: string; pointer: string }, l: Layout): void {
  const removed = text.slice(start, end);
  if (m.type === 'remove') {
    const n = doc.node(m.pointer)!;
    const target = text.slice(n.parent?.type === 'property' ? n.parent.offset : n.offset, n.offset + n.length);
    const rest = removed.replace(target, '');
    assert.ok(removed.includes(target) && /^\s*,?\s*$/.test(rest), `remove takes the entry and one separator only: ${JSON.stringify(removed)}`);
    assert.equal(newText, '');
    return;
  }
  const n = doc.node(m.pointer);
  if (m.type === 'set' && n) {
    assert.equal(removed, text.slice(n.offset, n.offset + n.length), 'set replaces exactly the old value');
    return;
  }
  const entry = /^\/scopes\/\d+(?=\/reason$)/.exec(m.pointer);
  const scope = entry ? doc.node(entry[0]) : undefined;
  if (scope?.type === 'string') {
    assert.equal(removed, text.slice(scope.offset, scope.offset + scope.length), 'a string scope entry is replaced by its object form, nothing else');
    return;
  }
  // an insertion: nothing removed, or only the whitespace inside an empty {} / []
  assert.ok(/^\s*$/.test(removed), `insertions remove nothing: ${JSON.stringify(removed)}`);
  const unit = l.unit === '\t' ? '\t' : ' ';
  for (const line of newText.split(/\r?\n/).slice(1)) assert.match(line, unit === '\t' ? /^\t*(?! )/ : /^ *(?!\t)/, 'indented in the file\'s own unit');
}

/** Line endings stay the file's own. */
function assertStyle(before: string, after: string, l: Layout): void {
  if (l.eol === '\n') assert.ok(!after.includes('\r'), 'no CR in an LF file');
  else assert.ok(!/[^\r]\n/.test(after), 'no lone LF in a CRLF file');
  assert.equal(after.endsWith(l.eol), before.endsWith(l.eol));
}

describe('manifest form edits (examples)', () => {
  const FIXTURE = '{\n  "name": "Workshop Reminder Bot",\n  "developer": { "name": "Garage Tools B.V." },\n  "scopes": [\n    { "scope": "messages:read", "reason": "Receive the customer\'s answer" }\n  ],\n  "support": { "email": "support@garagetools.nl" }\n}\n';
  const edit = (text: string, m: Record<string, unknown>, version = 1, base = version) => {
    const doc = new JsonDocument(PATH, text);
    const msg = parseEditMessage({ id: 1, baseVersion: base, ...m });
    assert.equal(typeof msg, 'object', String(msg));
    const plan = planEdit(doc, version, msg as EditMessage);
    return plan.kind === 'edits' ? doc.apply(plan.edits) : plan;
  };

  it('ticking a scope appends exactly one entry in the style of the others', () => {
    assert.equal(edit(FIXTURE, { type: 'append', pointer: '/scopes', value: { scope: 'contacts:read' } }), FIXTURE.replace('answer" }\n', 'answer" },\n    { "scope": "contacts:read" }\n'));
  });

  it('a field under an absent object adds that object to the root; in a one-line object a property goes inline', () => {
    assert.equal(edit(FIXTURE, { type: 'set', pointer: '/privacyPolicyUrl', value: 'http://x.nl' }), FIXTURE.replace('nl" }\n}', 'nl" },\n  "privacyPolicyUrl": "http://x.nl"\n}'));
    assert.equal(edit(FIXTURE, { type: 'set', pointer: '/support/url', value: 'https://x.nl' }), FIXTURE.replace('"support@garagetools.nl" }', '"support@garagetools.nl", "url": "https://x.nl" }'));
    const att = edit(FIXTURE, { type: 'set', pointer: '/compliance/attestations/A.1/by', value: 'J. Jansen' });
    assert.equal(att, FIXTURE.replace('nl" }\n}', 'nl" },\n  "compliance": {\n    "attestations": {\n      "A.1": {\n        "by": "J. Jansen"\n      }\n    }\n  }\n}'));
  });

  it('a reason for a scope written as a string turns it into { scope, reason }', () => {
    const text = '{\n\t"scopes": ["kb:read", "forms:read"]\n}';
    assert.equal(edit(text, { type: 'set', pointer: '/scopes/1/reason', value: 'Show the form' }), '{\n\t"scopes": ["kb:read", { "scope": "forms:read", "reason": "Show the form" }]\n}');
  });

  it('removing the last property of an object keeps the object', () => {
    assert.equal(edit(FIXTURE, { type: 'remove', pointer: '/developer/name' }), FIXTURE.replace('{ "name": "Garage Tools B.V." }', '{}'));
  });

  it('refuses a list edit computed against an older version; recomputes a key-path edit against the new text', () => {
    const stale = edit(FIXTURE, { type: 'set', pointer: '/scopes/0/reason', value: 'x' }, 5, 4);
    assert.equal(typeof stale, 'object');
    assert.equal((stale as { kind: string }).kind, 'refused');
    const changed = FIXTURE.replace('"name": "Workshop Reminder Bot",\n', '');
    assert.equal(edit(changed, { type: 'set', pointer: '/support/email', value: 'help@garagetools.nl' }, 5, 4), changed.replace('support@', 'help@'));
  });

  it('never edits text that is not valid JSON', () => {
    for (const bad of ['{ "name": "x", }', '{ "name": "x" // c\n}', '{ "name": ', '[1]']) {
      const r = edit(bad, { type: 'set', pointer: '/name', value: 'y' });
      assert.equal(typeof r, 'object', bad);
      assert.equal((r as { kind: string }).kind, 'refused', bad);
    }
  });

  it('a value that is not an object on the way is an error, not a rewrite', () => {
    const doc = new JsonDocument(PATH, '{ "support": "mail me" }');
    assert.throws(() => formEdits(doc, { kind: 'set', pointer: '/support/email', value: 'a@b.nl' }), FormEditError);
  });
});

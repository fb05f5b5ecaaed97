// The manifest form's message checks (client/src/manifest-editor/form-model.ts): webview input is
// untrusted, so only pointers the form has, values of the field's type, and paths inside the app folder
// become edits. (The webview's edit queue: manifest-form-queue.test.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ATTESTED_CLAUSES, FIELDS, fieldFor, hasListIndex, matches } from '../../client/src/manifest-editor/fields';
import { MANUAL_ONLY, PARTLY_AUTOMATED } from '../../rules/src/clauses';
import { parseEditMessage, relPathProblem } from '../../client/src/manifest-editor/form-model';

const ok = (m: Record<string, unknown>) => typeof parseEditMessage({ id: 1, baseVersion: 1, ...m }) === 'object';

describe('manifest form messages', () => {
  it('accepts the form\'s own fields with values of their type', () => {
    assert.ok(ok({ type: 'set', pointer: '/privacyPolicyUrl', value: 'http://garagetools.nl/privacy' }));
    assert.ok(ok({ type: 'set', pointer: '/dataProtection/retentionDays', value: 90 }));
    assert.ok(ok({ type: 'set', pointer: '/compliance/attestations/F.5/date', value: '2026-09-14' }));
    assert.ok(ok({ type: 'append', pointer: '/scopes', value: { scope: 'contacts:read' } }));
    assert.ok(ok({ type: 'remove', pointer: '/scopes/3' }));
    assert.ok(ok({ type: 'remove', pointer: '/compliance/attestations/A.1' }));
  });

  it('refuses pointers the form does not have', () => {
    for (const pointer of ['', '/', '/foo', '/scopes/0/scope', '/__proto__/polluted', '/compliance/attestations/B.6/by', '/scopes/-1/reason', '/scopes/00/reason', '/name/x']) {
      assert.ok(!ok({ type: 'set', pointer, value: 'x' }), pointer);
    }
    assert.ok(!ok({ type: 'remove', pointer: '/compliance' }));
    assert.ok(!ok({ type: 'append', pointer: '/name', value: 'x' }));
  });

  it('refuses values of the wrong type', () => {
    assert.ok(!ok({ type: 'set', pointer: '/tokenRole', value: 'owner' }));
    assert.ok(!ok({ type: 'set', pointer: '/dataProtection/retentionDays', value: '90' }));
    assert.ok(!ok({ type: 'set', pointer: '/dataProtection/storesPersonalData', value: 'yes' }));
    assert.ok(!ok({ type: 'set', pointer: '/name', value: { toString: 'x' } }));
    assert.ok(!ok({ type: 'set', pointer: '/name', value: 'x'.repeat(5000) }));
    assert.ok(!ok({ type: 'append', pointer: '/scopes', value: { scope: 'contacts:read', evil: true } }));
    assert.ok(!ok({ type: 'append', pointer: '/dataProtection/thirdParties', value: { name: 'Twilio' } }));
    assert.ok(!ok({ type: 'append', pointer: '/capabilities', value: 'admin-panel' }));
    assert.ok(!ok({ type: 'set', pointer: '/name', value: 'x', baseVersion: '1' }));
  });

  it('offers an attestation for exactly the clauses no tool can fully check', () => {
    assert.deepEqual([...ATTESTED_CLAUSES].sort(), [...MANUAL_ONLY, ...PARTLY_AUTOMATED].sort());
  });

  it('keeps icon and screenshot paths inside the app folder', () => {
    for (const bad of ['../secrets.png', 'media/../../x.png', '/etc/passwd', 'C:\\x.png', 'c:/x.png', 'file:///etc/passwd', 'https://x.nl/i.png', 'a\0b']) {
      assert.ok(relPathProblem(bad, true), bad);
      assert.ok(!ok({ type: 'set', pointer: '/listing/icon', value: bad }), bad);
      assert.ok(!ok({ type: 'append', pointer: '/listing/screenshots', value: bad }), bad);
    }
    assert.equal(relPathProblem('media/icon.png', false), undefined);
  });

  it('no random pointer outside the table is accepted (property)', () => {
    const seg = fc.oneof(fc.constantFrom('name', 'scopes', 'reason', 'support', 'email', '0', '12', 'A.1', '__proto__', 'constructor', '..'), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.array(seg, { minLength: 1, maxLength: 5 }), fc.string(), (segs, value) => {
      const pointer = '/' + segs.join('/');
      const inTable = !!fieldFor(pointer) || /^\/(dataProtection\/personalData|listing\/screenshots|webhook\/events)\/(0|[1-9]\d{0,3})$/.test(pointer);
      if (!inTable) assert.equal(ok({ type: 'set', pointer, value }), false, pointer);
      if (inTable) assert.ok(FIELDS.some((f) => matches(f.pointer, pointer)) || hasListIndex(pointer));
    }), { numRuns: 2000 });
  });
});

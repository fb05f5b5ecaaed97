// A rule whose clauses do not all apply to each finding says per report which ones do (sensitive-data-request:
// D.6 for card data only); the engine keeps them to the clauses the rule declares.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeFinding } from '../../rules/src/engine/findings';
import { LineIndex } from '../../rules/src/positions';
import { createCodeRule } from '../../rules/src/rule';

const rule = createCodeRule({
  meta: { id: 'probe', target: 'code', description: 'probe', clauses: ['C.2', 'C.3', 'D.6'], severity: 'error', fixable: false, messages: { m: 'asks for {{what}}' } },
  create: () => ({}),
});
const lines = new LineIndex('say("x")\n');

describe('per-finding clauses', () => {
  it('a report without clauses cites all the rule declares', () => {
    const f = codeFinding(rule, 'error', '/a.js', lines, { messageId: 'm', data: { what: 'a card number' }, start: 0, end: 3 });
    assert.deepEqual(f.clauses, ['C.2', 'C.3', 'D.6']);
    assert.equal(f.message, '[C.2, C.3, D.6] asks for a card number');
  });

  it('a report with clauses cites those, in the message too', () => {
    const f = codeFinding(rule, 'error', '/a.js', lines, { messageId: 'm', data: { what: 'a password' }, start: 0, end: 3, clauses: ['C.2', 'C.3'] });
    assert.deepEqual(f.clauses, ['C.2', 'C.3']);
    assert.equal(f.message, '[C.2, C.3] asks for a password');
  });

  it('clauses the rule does not declare are dropped; none left means all', () => {
    assert.deepEqual(codeFinding(rule, 'error', '/a.js', lines, { messageId: 'm', start: 0, end: 1, clauses: ['D.6', 'A.1'] }).clauses, ['D.6']);
    assert.deepEqual(codeFinding(rule, 'error', '/a.js', lines, { messageId: 'm', start: 0, end: 1, clauses: ['A.1'] }).clauses, ['C.2', 'C.3', 'D.6']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAnnotations } from '../support/annotations';

describe('fixture annotations', () => {
  it('reads ruleid:, ok: and several ids onto the next code line', () => {
    const got = readAnnotations('// ruleid: a, b\n\nfoo();\n// ok: a\nbar();\n');
    assert.deepEqual(got.map((e) => [e.kind, e.ruleId, e.line, e.annotationLine]), [['ruleid', 'a', 2, 0], ['ruleid', 'b', 2, 0], ['ok', 'a', 4, 3]]);
  });

  it('reads messageId= and col=, also inside a JSX comment', () => {
    const [e] = readAnnotations('{/* ruleid: impersonation messageId=claimsHuman col=7 */}\n<p>Hi</p>\n');
    assert.deepEqual({ kind: e!.kind, ruleId: e!.ruleId, messageId: e!.messageId, col: e!.col }, { kind: 'ruleid', ruleId: 'impersonation', messageId: 'claimsHuman', col: 7 });
  });

  it('tells todoruleid: and todook: from ruleid: and ok:', () => {
    const got = readAnnotations('// todoruleid: a\nx();\n// todook: b\ny();\n');
    assert.deepEqual(got.map((e) => `${e.kind} ${e.ruleId}`), ['todoruleid a', 'todook b']);
  });

  it('refuses an option it does not know (a typo would silently check less)', () => {
    assert.throws(() => readAnnotations('// ruleid: a mesageId=x\nx();\n'), /unknown annotation option mesageId=x/);
    assert.throws(() => readAnnotations('// ruleid: a col=0\nx();\n'), /unknown annotation option col=0/);
  });
});

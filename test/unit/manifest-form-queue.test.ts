// The manifest form's outgoing edits (client/webview/manifest-form/edit-queue.ts): one edit in flight, in
// order, each based on the document version it was made on; nothing typed into a field is dropped, and an
// edit on a list entry is never moved onto a version where its position means another entry. And the
// webview's select-all key test (select-all.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { EditMessage } from '../../client/src/manifest-editor/messages';
import { EditQueue, movedBy, type Op } from '../../client/webview/manifest-form/edit-queue';
import { isSelectAll, keepSelectAllInWebview } from '../../client/webview/manifest-form/select-all';

const setup = () => {
  const sent: EditMessage[] = [];
  const refusals: string[] = [];
  const q = new EditQueue((m) => sent.push(m), (r) => refusals.push(r));
  q.seen(7);
  return { q, sent, refusals };
};
const valueOf = (m: EditMessage | undefined) => (m && 'value' in m ? m.value : undefined);

describe('manifest form edit queue (webview side)', () => {
  it('sends one edit at a time; typing coalesces into the newest value', () => {
    const { q, sent } = setup();
    q.push({ type: 'set', pointer: '/name', value: 'A' });
    q.push({ type: 'set', pointer: '/name', value: 'Ab' });
    q.push({ type: 'set', pointer: '/name', value: 'Abc' });
    assert.equal(sent.length, 1);
    assert.deepEqual([sent[0]!.type, valueOf(sent[0]), sent[0]!.baseVersion], ['set', 'A', 7]);
    assert.equal(q.pendingValue('/name'), 'Abc');
    q.ack({ id: sent[0]!.id, applied: true, version: 8, onVersion: 7 });
    assert.equal(sent.length, 2);
    // the form's own edit was the only change: the queued one is based on the new version
    assert.deepEqual([valueOf(sent[1]), sent[1]!.baseVersion], ['Abc', 8]);
  });

  it('keeps the old base version when someone else changed the file meanwhile (the host then refuses list edits)', () => {
    const { q, sent } = setup();
    q.push({ type: 'append', pointer: '/scopes', value: { scope: 'kb:read' } });
    q.push({ type: 'remove', pointer: '/scopes/0' });
    q.ack({ id: sent[0]!.id, applied: true, version: 10, onVersion: 9 }); // 7 → 9 by someone else, then ours
    assert.equal(sent[1]!.baseVersion, 7);
  });

  it('an edit applied after someone else\'s change moves the edits made on that newer text onto the next version', () => {
    const { q, sent } = setup();
    q.push({ type: 'set', pointer: '/name', value: 'A' });
    q.seen(8); // the JSON editor beside the form changed the file; the form shows version 8
    q.push({ type: 'remove', pointer: '/scopes/1' });
    q.ack({ id: sent[0]!.id, applied: true, version: 9, onVersion: 8 });
    assert.deepEqual([sent[1]!.pointer, sent[1]!.baseVersion], ['/scopes/1', 9], 'made on 8, and only the form\'s own edit came after');
  });

  it('after a list entry is removed, edits queued on later entries of that list keep their version (their index moved)', () => {
    const { q, sent } = setup();
    q.push({ type: 'remove', pointer: '/scopes/0' });
    q.push({ type: 'set', pointer: '/listing/screenshots/0', value: 'media/a.png' });
    q.push({ type: 'set', pointer: '/scopes/1/reason', value: 'typed into the second row' });
    q.ack({ id: sent[0]!.id, applied: true, version: 8, onVersion: 7 });
    assert.deepEqual([sent[1]!.pointer, sent[1]!.baseVersion], ['/listing/screenshots/0', 8], 'another list is not moved');
    q.ack({ id: sent[1]!.id, applied: true, version: 9, onVersion: 8 });
    assert.deepEqual([sent[2]!.pointer, sent[2]!.baseVersion], ['/scopes/1/reason', 7], 'the host refuses it instead of writing the reason into the third row');
  });

  it('a refused edit drops the list edits queued on top of it, still sends what was typed into fields, and says why', () => {
    const { q, sent, refusals } = setup();
    q.push({ type: 'remove', pointer: '/scopes/1' });
    q.push({ type: 'set', pointer: '/scopes/1/reason', value: 'x' });
    q.push({ type: 'set', pointer: '/privacyPolicyUrl', value: 'https://garagetools.nl/p' });
    q.ack({ id: sent[0]!.id, applied: false, version: 9, reason: 'changed meanwhile' });
    assert.deepEqual(refusals, ['changed meanwhile']);
    assert.deepEqual(sent.slice(1).map((m) => [m.pointer, valueOf(m)]), [['/privacyPolicyUrl', 'https://garagetools.nl/p']]);
    assert.equal(q.pendingValue('/privacyPolicyUrl'), 'https://garagetools.nl/p', 'the field keeps showing it');
    q.ack({ id: sent[1]!.id, applied: true, version: 10, onVersion: 9 });
    assert.equal(q.busy, false);
  });

  it('an edit keeps the version it was typed on; typing on coalesces onto the newer one', () => {
    const { q, sent } = setup();
    q.push({ type: 'remove', pointer: '/webhook/events/0' });
    q.push({ type: 'set', pointer: '/scopes/0/reason', value: 'a' }, 6);
    q.push({ type: 'set', pointer: '/scopes/0/reason', value: 'ab' }, 7);
    q.ack({ id: sent[0]!.id, applied: true, version: 8, onVersion: 7 });
    assert.deepEqual([valueOf(sent[1]), sent[1]!.baseVersion], ['ab', 8]);
  });

  it('nothing typed into a field is dropped, whatever the host answers and whoever else edits (property)', () => {
    const FIELDS = ['/name', '/description', '/support/email'];
    const LIST_OPS: Op[] = [{ type: 'remove', pointer: '/scopes/0' }, { type: 'set', pointer: '/scopes/1/reason', value: 'r' }, { type: 'append', pointer: '/scopes', value: 'kb:read' }];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('type' as const), pointer: fc.constantFrom(...FIELDS), value: fc.string({ maxLength: 3 }) }),
      fc.record({ kind: fc.constant('list' as const), op: fc.constantFrom(...LIST_OPS) }),
      fc.record({ kind: fc.constant('answer' as const), applied: fc.boolean(), othersFirst: fc.nat(2) }),
      fc.record({ kind: fc.constant('other' as const) }),
    );
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const { q, sent } = setup();
      let version = 7;
      let answered = 0;
      const refused = new Set<string>();
      const typed = new Map<string, string>();
      const answer = (applied: boolean, othersFirst: number) => {
        const m = sent[answered++]!;
        version += othersFirst;
        if (applied) q.ack({ id: m.id, applied, version: version + 1, onVersion: version++ });
        else {
          refused.add(JSON.stringify([m.pointer, valueOf(m)]));
          q.ack({ id: m.id, applied, version, reason: 'no' });
        }
      };
      for (const s of steps) {
        if (s.kind === 'type') {
          typed.set(s.pointer, s.value);
          q.push({ type: 'set', pointer: s.pointer, value: s.value });
        } else if (s.kind === 'list') q.push(s.op);
        else if (s.kind === 'other') q.seen(++version);
        else if (answered < sent.length) answer(s.applied, s.othersFirst);
      }
      while (answered < sent.length) answer(true, 0);
      assert.equal(q.busy, false);
      for (const [pointer, value] of typed) {
        if (refused.has(JSON.stringify([pointer, value]))) continue; // the host said no to exactly this (and the form says why)
        const last = sent.filter((m) => m.pointer === pointer).at(-1);
        assert.equal(valueOf(last), value, `the last value typed into ${pointer} is sent`);
      }
    }), { numRuns: 500 });
  });
});

describe('list positions', () => {
  it('removing an entry moves the entries after it, not those before it or in other lists', () => {
    assert.equal(movedBy('/scopes/1', '/scopes/1/reason'), true);
    assert.equal(movedBy('/scopes/1', '/scopes/2'), true);
    assert.equal(movedBy('/scopes/1', '/scopes/0/reason'), false);
    assert.equal(movedBy('/scopes/1', '/scopes'), false);
    assert.equal(movedBy('/webhook/events/0', '/scopes/3'), false);
    assert.equal(movedBy('/dataProtection/thirdParties/0', '/dataProtection/thirdParties/4/host'), true);
    assert.equal(movedBy('/support/email', '/support/email'), false, 'a key is no position');
  });
});

describe('select-all in the webview', () => {
  const key = (k: Partial<Parameters<typeof isSelectAll>[0]>) => ({ key: 'a', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...k });
  it('is Ctrl+A or Cmd+A, in either case, and nothing else', () => {
    assert.equal(isSelectAll(key({ ctrlKey: true })), true);
    assert.equal(isSelectAll(key({ metaKey: true, key: 'A' })), true);
    assert.equal(isSelectAll(key({})), false, 'typing an a');
    assert.equal(isSelectAll(key({ ctrlKey: true, shiftKey: true })), false);
    assert.equal(isSelectAll(key({ ctrlKey: true, altKey: true })), false);
    assert.equal(isSelectAll(key({ ctrlKey: true, key: 's' })), false);
  });

  it('stops Ctrl+A before VS Code\'s listener (capture phase) and lets every other key through', () => {
    type Listener = Parameters<Parameters<typeof keepSelectAllInWebview>[0]['addEventListener']>[1];
    let listener: Listener | undefined;
    let capture = false;
    keepSelectAllInWebview({ addEventListener: (_type, l, o) => ((listener = l), (capture = o.capture)) });
    assert.equal(capture, true, 'runs before the host\'s listener on the same window');
    const stopped = (k: Partial<Parameters<typeof isSelectAll>[0]>) => {
      let stop = false;
      listener!({ ...key(k), stopPropagation: () => (stop = true) });
      return stop;
    };
    assert.equal(stopped({ ctrlKey: true }), true);
    assert.equal(stopped({ ctrlKey: true, key: 'z' }), false, 'undo still reaches VS Code');
    assert.equal(stopped({ ctrlKey: true, key: 's' }), false, 'save still reaches VS Code');
    assert.equal(stopped({ key: 'h' }), false);
  });
});

// Held findings moved through an edit (rules/src/moved-findings.ts) and the changed region they move by
// (rules/src/text.ts): valid positions for every edit, no finding stretched over text it did not cover.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { moveFindings } from '../../rules/src/moved-findings';
import { LineIndex } from '../../rules/src/positions';
import { changedRegion, splitsPair } from '../../rules/src/text';
import type { Finding } from '../../rules/src/types';

const FILE = '/app/src/bot.js';
const REPO = join(__dirname, '..', '..');

function finding(text: string, start: number, end: number): Finding {
  return { ruleId: 'scope-missing', clauses: ['B.6'], severity: 'error', message: 'm', file: FILE, range: new LineIndex(text).range(start, end), startOffset: start, endOffset: end, fixes: [] };
}

const piece = fc.constantFrom('a', 'say(x)', ' ', '\n', '\r', '\r\n', '😀', 'é');
const textArb = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));
const editArb = fc.record({ s: fc.nat(), e: fc.nat(), text: textArb });

function applyEdit(text: string, { s, e, text: insert }: { s: number; e: number; text: string }): string {
  const a = s % (text.length + 1);
  const b = e % (text.length + 1);
  return text.slice(0, Math.min(a, b)) + insert + text.slice(Math.max(a, b));
}

describe('changed region', () => {
  it('never splits a \\r\\n or a surrogate pair, and the texts agree outside it', () => {
    fc.assert(
      fc.property(textArb, editArb, (oldText, edit) => {
        const newText = applyEdit(oldText, edit);
        const r = changedRegion(oldText, newText);
        if (oldText === newText) return assert.equal(r, undefined);
        assert.ok(r);
        assert.ok(r.start <= r.oldEnd && r.start <= r.newEnd);
        assert.equal(oldText.slice(0, r.start), newText.slice(0, r.start));
        assert.equal(oldText.slice(r.oldEnd), newText.slice(r.newEnd));
        for (const [text, o] of [[oldText, r.start], [oldText, r.oldEnd], [newText, r.start], [newText, r.newEnd]] as const) assert.ok(!splitsPair(text, o), `edge ${o} splits a pair in ${JSON.stringify(text)}`);
      }),
      { numRuns: 5000, seed: 11 },
    );
  });

  it('a \\r typed before \\n, and a file switched from LF to CRLF, put the whole \\r\\n in the region', () => {
    assert.deepEqual(changedRegion('a\nb', 'a\r\nb'), { start: 1, oldEnd: 2, newEnd: 3 });
    const lf = 'x;\ny;\n';
    assert.deepEqual(changedRegion(lf, lf.replace(/\n/g, '\r\n')), { start: 2, oldEnd: 6, newEnd: 8 });
  });
});

describe('moving held findings', () => {
  it('every moved finding is a valid range of the new text; findings away from the edit keep their text', () => {
    fc.assert(
      fc.property(textArb, editArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), (oldText, edit, spans) => {
        const newText = applyEdit(oldText, edit);
        const findings = spans.map(([a, b]) => {
          // engine findings name positions: never the middle of a \r\n or a surrogate pair
          const at = (x: number) => (splitsPair(oldText, x % (oldText.length + 1)) ? (x % (oldText.length + 1)) - 1 : x % (oldText.length + 1));
          const s = at(a);
          const e = at(b);
          return finding(oldText, Math.min(s, e), Math.max(s, e));
        });
        const lines = new LineIndex(newText);
        const region = changedRegion(oldText, newText);
        moveFindings(findings, FILE, oldText, newText).forEach((m, i) => {
          const f = findings[i]!;
          assert.ok(0 <= m.startOffset && m.startOffset <= m.endOffset && m.endOffset <= newText.length, JSON.stringify(m));
          assert.deepEqual(m.range, lines.range(m.startOffset, m.endOffset));
          assert.ok(lines.contains(m.range.start) && lines.contains(m.range.end), JSON.stringify(m.range));
          assert.ok(!splitsPair(newText, m.startOffset) && !splitsPair(newText, m.endOffset));
          if (!region || f.endOffset <= region.start || f.startOffset >= region.oldEnd) {
            assert.equal(newText.slice(m.startOffset, m.endOffset), oldText.slice(f.startOffset, f.endOffset), 'a finding outside the change keeps its text');
          } else if (f.startOffset >= region.start && f.endOffset <= region.oldEnd) {
            assert.ok(m.endOffset - m.startOffset <= f.endOffset - f.startOffset, 'a finding inside the change is not stretched');
          }
        });
      }),
      { numRuns: 5000, seed: 12 },
    );
  });

  it('a finding inside a file switched from LF to CRLF keeps its call, not the whole changed region (range-past-line-end repro)', () => {
    const oldText = readFileSync(join(REPO, 'examples', 'service-reminder-bot', 'src', 'bot.js'), 'utf8');
    assert.ok(!oldText.includes('\r'));
    const newText = oldText.slice(0, 13) + oldText.slice(13).replace(/\n/g, '\r\n'); // what the editor sent: all after `'use strict';`
    const call = "conversation.say({ text: 'Which day suits you for the service visit?', role: 'agent' })";
    const at = oldText.indexOf(call);
    const [moved] = moveFindings([finding(oldText, at, at + call.length)], FILE, oldText, newText);
    assert.equal(newText.slice(moved!.startOffset, moved!.endOffset), call);
    assert.deepEqual(moved!.range, new LineIndex(oldText).range(at, at + call.length), 'same line and columns as before');
  });

  it('a finding whose text is gone collapses to a short range on one line near its old place', () => {
    const oldText = 'aaaa\nbot.say(1)\ncccc\n';
    const newText = 'aaaa\r\nxxxxxxxxxx\r\nyyyyyyyyy\r\ncccc\n';
    const [moved] = moveFindings([finding(oldText, 5, 15)], FILE, oldText, newText);
    const { start, end } = moved!.range;
    assert.equal(start.line, end.line);
    assert.ok(end.character - start.character <= 10);
    assert.equal(start.line, 1);
  });

  it('an edge inside the change keeps its distance from the unchanged side', () => {
    const oldText = 'keep SAY(x) tail';
    const newText = 'keep ask.say(x) tail'; // "SAY" (5-8) rewritten as "ask.say" (5-12)
    const [startInside, endInside] = moveFindings([finding(oldText, 6, 11), finding(oldText, 0, 7)], FILE, oldText, newText);
    assert.deepEqual([startInside!.startOffset, startInside!.endOffset], [6, 15], 'one past the change start, the end moved with the text after it');
    assert.deepEqual([endInside!.startOffset, endInside!.endOffset], [0, 11], 'one before the change end');
  });
});

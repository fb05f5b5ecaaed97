// The one line table (rules/src/positions.ts) and the server's documents built on it, against a line table
// computed from scratch by a regex, over random edit chains of LF, CRLF, lone-CR and surrogate-pair texts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../rules/src/positions';
import { OpenDocument, openDocuments } from '../../server/lsp/text-document';

/** Line starts as the LSP defines line ends (\r\n, \n, lone \r), independent of the code under test. */
function oracleStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

function oraclePosition(text: string, offset: number): { line: number; character: number } {
  const starts = oracleStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return { line, character: offset - starts[line]! };
}

function tableOf(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount() }, (_, line) => index.offset({ line, character: 0 }));
}

/** Whether `offset` falls between the \r and the \n of a \r\n (no LSP position names it). */
function insideCrlf(text: string, offset: number): boolean {
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n';
}

const piece = fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', '\n\r', '😀', '\ud83d', 'é', ' ');
const textArb = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));
const editArb = fc.record({ s: fc.nat(), e: fc.nat(), text: textArb });
const chainArb = fc.record({ initial: textArb, edits: fc.array(editArb, { minLength: 1, maxLength: 12 }) });

describe('line table', () => {
  it('an edit that forms or splits a \\r\\n at its edge updates the line starts (the cases the upstream library gets wrong)', () => {
    const cases: [string, number, number, string, string][] = [
      ['a\nb', 1, 1, '\r', 'a\r\nb'], // \r typed before \n: one line break, not two
      ['a\rb', 2, 2, '\n', 'a\r\nb'], // \n typed after a lone \r
      ['a\rX\nb', 2, 3, '', 'a\r\nb'], // the text between \r and \n deleted
      ['a\r\nb', 2, 2, 'X', 'a\rX\nb'], // something put between them: two line breaks
      ['a\r\nb', 1, 2, '', 'a\nb'],
      ['x\n', 0, 0, 'x\r', 'x\rx\n'],
    ];
    for (const [text, s, e, insert, expected] of cases) {
      const edited = new LineIndex(text).withEdit(s, e, insert);
      assert.equal(edited.text, expected);
      assert.deepEqual(tableOf(edited), oracleStarts(expected), JSON.stringify([text, s, e, insert]));
    }
  });

  it('stays equal to a from-scratch table over 5,000 random edit chains (any offsets, \\r\\n split or formed)', () => {
    fc.assert(
      fc.property(chainArb, ({ initial, edits }) => {
        let index = new LineIndex(initial);
        let text = initial;
        for (const { s, e, text: insert } of edits) {
          const a = s % (text.length + 1);
          const b = e % (text.length + 1);
          const [start, end] = a <= b ? [a, b] : [b, a];
          text = text.slice(0, start) + insert + text.slice(end);
          index = index.withEdit(start, end, insert);
          assert.equal(index.text, text);
          assert.deepEqual(tableOf(index), oracleStarts(text));
        }
      }),
      { numRuns: 5000, seed: 20261207 },
    );
  });

  it('offsets and positions round-trip; an offset inside \\r\\n is its line end; positions past a line end clamp before the break', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const index = new LineIndex(text);
        const starts = oracleStarts(text);
        for (let o = 0; o <= text.length; o++) {
          const p = index.position(o);
          assert.ok(index.contains(p), `position ${JSON.stringify(p)} of offset ${o} is valid`);
          if (insideCrlf(text, o)) {
            assert.deepEqual(p, oraclePosition(text, o - 1));
          } else {
            assert.deepEqual(p, oraclePosition(text, o));
            assert.equal(index.offset(p), o);
          }
        }
        const lineTexts = text.split(/\r\n|\r|\n/);
        for (let line = 0; line < starts.length; line++) {
          const length = lineTexts[line]!.length;
          assert.equal(index.lineLength(line), length);
          assert.equal(index.lineText(line), lineTexts[line]);
          for (let character = 0; character <= length + 3; character++) {
            assert.equal(index.offset({ line, character }), starts[line]! + Math.min(character, length));
            assert.equal(index.contains({ line, character }), character <= length);
          }
        }
        assert.equal(index.offset({ line: starts.length, character: 0 }), text.length, 'past the last line: the end');
        assert.equal(index.offset({ line: -1, character: 5 }), 0);
        assert.equal(index.contains({ line: starts.length, character: 0 }), false);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it("the server's document equals the client's text after 5,000 random didChange sequences with incremental ranges", () => {
    fc.assert(
      fc.property(chainArb, fc.array(fc.nat({ max: 3 }), { minLength: 12, maxLength: 12 }), ({ initial, edits }, batch) => {
        let doc = openDocuments.create('file:///a.js', 'javascript', 1, initial);
        let client = initial;
        let version = 1;
        // the client's edits, grouped into didChange notifications of up to four changes each
        for (let i = 0, n = 0; i < edits.length; n++) {
          const changes = [];
          for (const { s, e, text: insert } of edits.slice(i, i + 1 + batch[n]!)) {
            // a client addresses what it can: positions, never the middle of a \r\n
            const addressable = (o: number) => (insideCrlf(client, o) ? o - 1 : o);
            const a = addressable(s % (client.length + 1));
            const b = addressable(e % (client.length + 1));
            const [start, end] = a <= b ? [a, b] : [b, a];
            changes.push({ range: { start: oraclePosition(client, start), end: oraclePosition(client, end) }, text: insert });
            client = client.slice(0, start) + insert + client.slice(end);
          }
          i += changes.length;
          doc = openDocuments.update(doc, changes, ++version);
          assert.equal(doc.getText(), client);
          assert.equal(doc.version, version);
          assert.deepEqual(tableOf(doc.lines), oracleStarts(client));
        }
      }),
      { numRuns: 5000, seed: 42 },
    );
  });

  it('a full-text change replaces the document; a malformed change is refused with a message', () => {
    const doc = new OpenDocument('file:///a.js', 'javascript', 1, new LineIndex('a\r\nb'));
    const full = doc.update([{ text: 'x\ny\rz' }], 2);
    assert.deepEqual([full.getText(), full.lineCount, full.version], ['x\ny\rz', 3, 2]);
    assert.equal(full.getText({ start: { line: 1, character: 0 }, end: { line: 1, character: 9 } }), 'y');
    assert.equal(doc.getText(), 'a\r\nb', 'an earlier version is not changed by the update');
    const bad = { range: { start: { line: 0 }, end: { line: 0, character: 0 } }, text: 'x' } as never;
    assert.throws(() => doc.update([bad], 3), /a didChange content change needs a text/);
  });
});

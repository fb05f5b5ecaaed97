// The check every published range and fix edit passes (server/lsp/range-guard.ts).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { LineIndex } from '../../rules/src/positions';
import { RANGE_OUTSIDE, RangeGuard } from '../../server/lsp/range-guard';

const TEXT = "'use strict';\r\n\r\nbot.say(x);\r\n"; // lines: 13, 0, 11 and an empty last line
const at = (line: number, character: number) => ({ line, character });

it('ranges inside the text pass unchanged and unlogged', () => {
  const logged: string[] = [];
  const guard = new RangeGuard((m) => logged.push(m));
  for (const r of [{ start: at(0, 0), end: at(0, 13) }, { start: at(2, 4), end: at(3, 0) }, { start: at(1, 0), end: at(1, 0) }]) assert.equal(guard.range('/a.js', TEXT, r, 'test'), r);
  assert.deepEqual(guard.edit('/a.js', TEXT, 17, 28), { start: at(2, 0), end: at(2, 11) });
  assert.deepEqual(logged, []);
});

it('a range past a line end, past the last line or reversed is fitted into the text and logged once per file', () => {
  const logged: string[] = [];
  const guard = new RangeGuard((m) => logged.push(m));
  // the held scope-missing range of the range-past-line-end reproduction: character 13 on a 12-character line
  assert.deepEqual(guard.range('/a.js', TEXT, { start: at(0, 13), end: at(2, 13) }, 'scope-missing diagnostic'), { start: at(0, 13), end: at(2, 11) });
  assert.deepEqual(guard.range('/a.js', TEXT, { start: at(9, 0), end: at(9, 4) }, 'x'), { start: at(3, 0), end: at(3, 0) });
  assert.deepEqual(guard.range('/a.js', TEXT, { start: at(2, 5), end: at(2, 1) }, 'x'), { start: at(2, 5), end: at(2, 5) });
  assert.equal(logged.length, 1, 'once per file');
  assert.ok(logged[0]!.startsWith(RANGE_OUTSIDE));
  assert.match(logged[0]!, /scope-missing diagnostic .*"character":13/);
  assert.deepEqual(guard.edit('/b.js', TEXT, 25, 99), { start: at(2, 8), end: at(3, 0) });
  assert.deepEqual(guard.edit('/b.js', TEXT, -3, 2), { start: at(0, 0), end: at(0, 2) });
  assert.equal(logged.length, 2);
  assert.match(logged[1]!, /fix edit at offsets 25-99 of a text of 30 characters/);
});

it("an open document's line table is used for its current text, not rebuilt", () => {
  const open = new LineIndex(TEXT);
  const guard = new RangeGuard(() => undefined, (path) => (path === '/a.js' ? open : undefined));
  assert.equal(guard.linesOf('/a.js', TEXT), open);
  assert.notEqual(guard.linesOf('/a.js', TEXT + 'x'), open, 'a snapshot of another text gets its own table');
});

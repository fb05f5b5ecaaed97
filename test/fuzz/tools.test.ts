// The fuzzer's own judges: client-side positions (the oracle the server is measured against) and the
// references that keep third-party texts out of regression cases.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lineStarts, offsetAt, positionAt, rangeProblem, snap } from './text';
import { Dehydrator, packageText, resolveText } from './text-spec';

it('lines end at \\r\\n, \\n and a lone \\r; characters are UTF-16 units', () => {
  const text = 'a\r\nb\rc\nd😀e';
  assert.deepEqual(lineStarts(text), [0, 3, 5, 7]);
  assert.deepEqual(positionAt(text, 4), { line: 1, character: 1 });
  assert.deepEqual(positionAt(text, text.length), { line: 3, character: 4 });
  assert.equal(offsetAt(text, { line: 2, character: 1 }), 6);
  assert.equal(offsetAt(text, { line: 0, character: 99 }), 1, 'a character past the line end means its end');
});

it('a range past its line or past the last line is reported, a valid one is not', () => {
  const text = 'ab\r\ncd';
  assert.equal(rangeProblem(text, { start: { line: 0, character: 0 }, end: { line: 1, character: 2 } }), undefined);
  assert.match(rangeProblem(text, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } })!, /character 3 is past the end of line 0 \(length 2\)/);
  assert.match(rangeProblem(text, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } })!, /line 2 is past the end/);
  assert.match(rangeProblem(text, { start: { line: 1, character: 1 }, end: { line: 1, character: 0 } })!, /start is after its end/);
});

it('edit boundaries never split a \\r\\n or a surrogate pair', () => {
  assert.equal(snap('a\r\nb', 2), 1);
  assert.equal(snap('x😀', 2), 1);
  assert.equal(snap('abc', 2), 2);
});

it('texts repeating chipchat example code are written as node_modules references and read back the same', () => {
  const ask = packageText('chipchat/examples/ask.js');
  const dry = new Dehydrator(['chipchat/examples/ask.js', 'chipchat/examples/echo.js']);
  const edited = 'typed by hand\n' + ask.slice(0, 200) + 'x\r' + ask.slice(200);
  const spec = dry.dehydrate(edited);
  const json = JSON.stringify(spec);
  assert.equal(resolveText(JSON.parse(json)), edited);
  assert.ok(json.length < 200, `the reference form still holds the code: ${json.slice(0, 300)}`);
  assert.ok(!json.includes(ask.slice(50, 80)), 'a run of the package text was copied');
  assert.deepEqual(dry.dehydrate(ask), { $package: 'chipchat/examples/ask.js' });
  assert.equal(dry.dehydrate('short'), 'short');
  assert.throws(() => resolveText({ $package: '../../etc/passwd' }), /inside node_modules/);
  assert.throws(() => resolveText({ $package: 'chipchat/examples/ask.js', slice: [0, 1e9] }), /outside/);
});

// The manifest's own syntax problems (comments, errors at the end) in files with any line ending: found by
// the protocol fuzzer (test/fuzz/regressions/invalid-range-past-line-end-seed2-2.json and
// hang-manifest-unclosed-block-comment.json).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { JsonDocument } from '../../rules/src/manifest/json-document';

const problems = (text: string) => new JsonDocument('/app/web1on1-app.json', text).problems.map((p) => ({ message: p.message, text: text.slice(p.start, p.end), start: p.start, end: p.end }));

it('a line comment ends before its line break, whether \\n, \\r\\n or a lone \\r', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = `{${eol}// note${eol}"name": "x"${eol}}${eol}`;
    const comments = problems(text).filter((p) => p.message.startsWith('Comments'));
    assert.deepEqual(comments.map((p) => p.text), ['// note'], JSON.stringify(eol));
  }
});

it('a block comment not closed yet (the user just typed /*) runs to the end of the text, and the scan ends', () => {
  const text = '{ "name": "x" }\n/* note';
  const comments = problems(text).filter((p) => p.message.startsWith('Comments'));
  assert.deepEqual(comments.map((p) => [p.start, p.end]), [[16, text.length]]);
});

it('syntax errors never reach past the end of the text', () => {
  for (const text of ['{ "name": "x"', '{ "name": ', '[', '{ "a": 1 } // ()']) {
    for (const p of problems(text)) assert.ok(p.start <= p.end && p.end <= text.length, `${JSON.stringify(text)}: ${p.message} at ${p.start}-${p.end}`);
  }
});

// Rules must not climb the tree to find a node's file: `node.getStart()` / `getText()` without the SourceFile
// walk every parent up to it, which is quadratic on a deep expression (a 37,500-term `'a' + 'a' + …` line froze the
// server for minutes). Pass `context.sourceFile` (or the model's). A call that truly cannot may stay with a
// `position-lookup-ok: <why>` comment on its line or the line above.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
/** ts.Node methods that look the SourceFile up through the parents when not given it. */
const CLIMBING = /\.(getStart|getText|getWidth|getLeadingTriviaWidth|getChildren|getChildCount|getChildAt|getFirstToken|getLastToken|getFullText|getSourceFile)\(\s*\)/;
const ALLOWED = /position-lookup-ok:\s*\S/;

export function climbingLookups(text: string): { line: number; code: string }[] {
  const lines = text.split('\n');
  const out: { line: number; code: string }[] = [];
  lines.forEach((code, i) => {
    if (!CLIMBING.test(code)) return;
    if (ALLOWED.test(code) || ALLOWED.test(lines[i - 1] ?? '')) return;
    out.push({ line: i + 1, code: code.trim() });
  });
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'node_modules' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('position lookups in rules/', () => {
  it('no getStart()/getText()/… without the SourceFile', () => {
    const files = sourceFiles(join(ROOT, 'rules'));
    assert.ok(files.length > 50, 'the rules were found');
    const found = files.flatMap((f) => climbingLookups(readFileSync(f, 'utf8')).map((h) => `${relative(ROOT, f)}:${h.line}: ${h.code}`));
    assert.deepEqual(found, []);
  });

  it('the check sees what it is meant to, and honours a justified exception', () => {
    assert.equal(climbingLookups('const s = node.getStart();').length, 1);
    assert.equal(climbingLookups('const t = e.expression.getText( );').length, 1);
    assert.equal(climbingLookups('const f = node.getSourceFile();').length, 1);
    assert.equal(climbingLookups('const s = node.getStart(context.sourceFile);').length, 0);
    assert.equal(climbingLookups('// position-lookup-ok: a detached node made by the fix, it has no parents\nconst s = node.getText();').length, 0);
    assert.equal(climbingLookups('// position-lookup-ok:\nconst s = node.getText();').length, 1, 'an exception needs a reason');
  });
});

// Every rule, from its annotated fixtures: `ruleid:` lines must get a finding of that rule, `ok:` lines
// must not, no finding may appear elsewhere, and `.fixed` files must equal the fixes applied.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, collectFixEdits } from '../../rules/src/fixes/apply';
import { isCodeFile } from '../../rules/src/parse';
import type { Finding } from '../../rules/src/types';
import { readAnnotations } from '../support/annotations';
import { ruleFolders } from '../support/rule-folders';
import { existsSync, fixedPathOf, isFixedOrExpected, readTree, runFixture } from '../support/run-fixture';

interface Expected { ruleId: string; pointer?: string; file?: string; line?: number; messageIncludes?: string }

for (const folder of ruleFolders()) {
  describe(`rule ${folder.id}`, () => {
    const casesDir = join(folder.dir, 'cases');
    const cases = existsSync(casesDir) ? readdirSync(casesDir).filter((n) => !isFixedOrExpected(n) && !n.startsWith('.')) : [];
    it('has fixtures', () => assert.ok(cases.length > 0, `rules/${folder.group}/${folder.id}/cases is empty`));
    for (const name of cases) {
      const casePath = join(casesDir, name).replace(/\\/g, '/');
      it(name, () => checkCase(folder.id, casePath));
    }
  });
}

function checkCase(ruleId: string, casePath: string): void {
  const result = runFixture(casePath);
  const mine = result.findings.filter((f) => f.ruleId === ruleId);
  const isDir = statSync(casePath).isDirectory();
  const codeFiles = isDir ? [...readTree(casePath).keys()].filter((p) => isCodeFile(p) && !isFixedOrExpected(p)) : isCodeFile(casePath) ? [casePath] : [];
  let annotated = 0;
  const accounted = new Set<Finding>();
  for (const file of codeFiles) {
    const text = readFileSync(file, 'utf8');
    const inFile = mine.filter((f) => f.file === file);
    for (const e of readAnnotations(text).filter((x) => x.ruleId === ruleId)) {
      annotated++;
      const here = inFile.filter((f) => f.range.start.line === e.line);
      if (e.kind === 'ruleid') {
        assert.ok(here.length > 0, `${file}:${e.line + 1}: expected a ${ruleId} finding (annotated on line ${e.annotationLine + 1}); got ${describeFindings(inFile)}`);
        here.forEach((f) => accounted.add(f));
      } else {
        assert.equal(here.length, 0, `${file}:${e.line + 1}: near-miss must stay silent, got: ${here.map((f) => f.message).join(' | ')}`);
      }
    }
  }
  const expectedPath = isDir ? join(casePath, 'expected.json') : casePath.replace(/\.[^.]+$/, '.expected.json');
  if (existsSync(expectedPath)) {
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected[];
    annotated++; // an empty list says: no finding of this rule
    for (const e of expected.filter((x) => x.ruleId === ruleId)) {
      annotated++;
      const match = mine.find((f) => !accounted.has(f) && (e.pointer === undefined || f.pointer === e.pointer) && (e.file === undefined || f.file.endsWith('/' + e.file)) && (e.line === undefined || f.range.start.line + 1 === e.line) && (!e.messageIncludes || f.message.includes(e.messageIncludes)));
      assert.ok(match, `${expectedPath}: expected ${JSON.stringify(e)}; got ${describeFindings(mine)}`);
      accounted.add(match);
    }
  }
  assert.ok(annotated > 0, `${casePath} has no ruleid:/ok: annotation or expected entry for ${ruleId}`);
  const unexpected = mine.filter((f) => !accounted.has(f));
  assert.equal(unexpected.length, 0, `unexpected ${ruleId} findings: ${describeFindings(unexpected)}`);

  // .fixed files: the first fix of each finding of this rule, applied, gives exactly the .fixed text
  const targets = isDir ? [...readTree(casePath).keys()].filter((p) => !isFixedOrExpected(p)) : [casePath];
  for (const target of targets) {
    const fixed = fixedPathOf(target);
    if (!existsSync(fixed)) continue;
    const edits = collectFixEdits(mine).get(isDir || isCodeFile(target) ? target : target.replace(/\.json$/, '') + '/web1on1-app.json') ?? [];
    const applied = applyEdits(readFileSync(target, 'utf8'), edits);
    if (process.env['UPDATE'] === '1') writeFileSync(fixed, applied); // rewrite after a deliberate change; review the diff
    assert.equal(applied, readFileSync(fixed, 'utf8'), `${fixed} differs from the fixes applied`);
  }
}

function describeFindings(fs: Finding[]): string {
  return fs.length ? fs.map((f) => `${f.file.split('/').pop()}:${f.range.start.line + 1}${f.pointer !== undefined ? ` ${f.pointer}` : ''} ${f.message}`).join(' | ') : 'no findings';
}

// Every rule, from its annotated fixtures (rules/README.md): `ruleid:` lines must get a finding of that rule (with
// the annotated message id and column), `ok:` lines must not, `todoruleid:`/`todook:` known gaps must still be
// gaps, no finding may appear elsewhere, and `.fixed` files must equal each fix option applied.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, collectFixEdits } from '../../rules/src/fixes/apply';
import { isCodeFile } from '../../rules/src/parse';
import type { Finding } from '../../rules/src/types';
import { readAnnotations, type Expectation } from '../support/annotations';
import { hasMessageId, messageIdsOf } from '../support/message-ids';
import { ruleFolders } from '../support/rule-folders';
import { existsSync, fixedPathOf, isFixedOrExpected, readTree, runFixture } from '../support/run-fixture';

interface Expected { ruleId: string; pointer?: string; file?: string; line?: number; messageIncludes?: string; messageId?: string; severity?: string }

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
  const mine = runFixture(casePath).findings.filter((f) => f.ruleId === ruleId);
  const isDir = statSync(casePath).isDirectory();
  const codeFiles = isDir ? [...readTree(casePath).keys()].filter((p) => isCodeFile(p) && !isFixedOrExpected(p)) : isCodeFile(casePath) ? [casePath] : [];
  const accounted = new Set<Finding>();
  let annotated = 0;
  for (const file of codeFiles) {
    const inFile = mine.filter((f) => f.file === file);
    for (const e of readAnnotations(readFileSync(file, 'utf8')).filter((x) => x.ruleId === ruleId)) {
      annotated++;
      checkAnnotation(ruleId, file, e, inFile, accounted);
    }
  }
  annotated += checkExpectedJson(ruleId, casePath, isDir, mine, accounted);
  assert.ok(annotated > 0, `${casePath} has no ruleid:/ok: annotation or expected entry for ${ruleId}`);
  const unexpected = mine.filter((f) => !accounted.has(f));
  assert.equal(unexpected.length, 0, `unexpected ${ruleId} findings: ${describeFindings(unexpected)}`);
  checkFixes(casePath, isDir, mine);
}

function checkAnnotation(ruleId: string, file: string, e: Expectation, inFile: Finding[], accounted: Set<Finding>): void {
  const at = `${file}:${e.line + 1} (annotated on line ${e.annotationLine + 1})`;
  const here = inFile.filter((f) => f.range.start.line === e.line);
  if (e.messageId !== undefined) assert.ok(hasMessageId(ruleId, e.messageId), `${at}: ${ruleId} has no message id ${e.messageId}`);
  const matching = here.filter((f) => (e.col === undefined || f.range.start.character + 1 === e.col) && (e.messageId === undefined || messageIdsOf(ruleId, f.message).includes(e.messageId)));
  switch (e.kind) {
    case 'ruleid':
      assert.ok(matching.length > 0, `${at}: expected a ${ruleId} finding${e.messageId ? ` messageId=${e.messageId}` : ''}${e.col ? ` col=${e.col}` : ''}; got ${describeFindings(here.length ? here : inFile)}`);
      // narrowed by message id or column, only the findings it names are accounted for
      matching.forEach((f) => accounted.add(f));
      return;
    case 'ok':
      assert.equal(here.length, 0, `${at}: near-miss must stay silent, got: ${describeFindings(here)}`);
      return;
    case 'todoruleid':
      assert.equal(here.length, 0, `${at}: the known miss is found now: promote todoruleid: to ruleid: (${describeFindings(here)})`);
      return;
    case 'todook':
      assert.ok(here.length > 0, `${at}: the known false finding is gone: promote todook: to ok:`);
      here.forEach((f) => accounted.add(f));
  }
}

/** expected.json (folder and manifest cases): each entry must match a finding; an empty list says "none". */
function checkExpectedJson(ruleId: string, casePath: string, isDir: boolean, mine: Finding[], accounted: Set<Finding>): number {
  const expectedPath = isDir ? join(casePath, 'expected.json') : casePath.replace(/\.[^.]+$/, '.expected.json');
  if (!existsSync(expectedPath)) return 0;
  const expected = (JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected[]).filter((x) => x.ruleId === ruleId);
  for (const e of expected) {
    if (e.messageId !== undefined) assert.ok(hasMessageId(ruleId, e.messageId), `${expectedPath}: ${ruleId} has no message id ${e.messageId}`);
    const match = mine.find((f) => !accounted.has(f) && (e.pointer === undefined || f.pointer === e.pointer) && (e.file === undefined || f.file.endsWith('/' + e.file)) && (e.line === undefined || f.range.start.line + 1 === e.line) && (!e.messageIncludes || f.message.includes(e.messageIncludes)) && (e.messageId === undefined || messageIdsOf(ruleId, f.message).includes(e.messageId)) && (e.severity === undefined || f.severity === e.severity));
    assert.ok(match, `${expectedPath}: expected ${JSON.stringify(e)}; got ${describeFindings(mine)}`);
    accounted.add(match);
  }
  return expected.length + 1;
}

/**
 * `.fixed` files: the first fix of every finding of this rule, applied together (as `--fix` does), gives exactly
 * `x.fixed.js`. Further options are alternatives, each compared alone: fix option n of the k-th finding (in file
 * order) that has one gives `x.fixed.n-k.js`. Once a file has a `.fixed` file, every option needs its own.
 */
function checkFixes(casePath: string, isDir: boolean, mine: Finding[]): void {
  const targets = isDir ? [...readTree(casePath).keys()].filter((p) => !isFixedOrExpected(p)) : [casePath];
  for (const target of targets) {
    if (!existsSync(fixedPathOf(target))) continue;
    const editedFile = isDir || isCodeFile(target) ? target : target.replace(/\.json$/, '') + '/web1on1-app.json';
    const text = readFileSync(target, 'utf8');
    compareFixed(fixedPathOf(target), applyEdits(text, collectFixEdits(mine).get(editedFile) ?? []), 'the first fix of every finding');
    const inFile = mine.filter((f) => f.fixes.some((x) => x.edits.some((e) => e.file === editedFile))).sort((a, b) => a.startOffset - b.startOffset);
    const options = Math.max(0, ...inFile.map((f) => f.fixes.length));
    for (let n = 2; n <= options; n++) {
      inFile.filter((f) => f.fixes.length >= n).forEach((f, k) => {
        const edits = collectFixEdits([f], { option: n - 1 }).get(editedFile) ?? [];
        compareFixed(fixedPathOf(target, `${n}-${k + 1}`), applyEdits(text, edits), `fix option ${n} ("${f.fixes[n - 1]!.description}") of the finding on line ${f.range.start.line + 1}`);
      });
    }
  }
}

function compareFixed(fixed: string, applied: string, what: string): void {
  if (process.env['UPDATE'] === '1') writeFileSync(fixed, applied); // rewrite after a deliberate change; review the diff
  assert.ok(existsSync(fixed), `${fixed} is missing: ${what} is not checked`);
  assert.equal(applied, readFileSync(fixed, 'utf8'), `${fixed} differs from ${what} applied`);
}

function describeFindings(fs: Finding[]): string {
  return fs.length ? fs.map((f) => `${f.file.split('/').pop()}:${f.range.start.line + 1}:${f.range.start.character + 1}${f.pointer !== undefined ? ` ${f.pointer}` : ''} [${messageIdsOf(f.ruleId, f.message).join('|')}] ${f.message}`).join(' | ') : 'no findings';
}

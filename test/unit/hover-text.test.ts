// What a user reads on a finding: the hover of every rule (built from its doc) and every quick-fix title
// the fixtures produce. Short, for users (no notes about how the fix is implemented), never opening with
// punctuation, never repeating the diagnostic's message, and no `//` comment advice for JSON files.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../rules/index';
import { MAX_FIX_TITLE } from '../../rules/src/fixes/title';
import { readRuleDoc } from '../../rules/src/node/rule-docs';
import { isCodeFile } from '../../rules/src/parse';
import type { Finding } from '../../rules/src/types';
import { docsTitle, suppressTitle } from '../../server/lsp/code-actions';
import { exemptionHint, findingHover, hoverFix, hoverWhy } from '../../server/lsp/hover';
import { ruleFolders } from '../support/rule-folders';
import { isFixedOrExpected, runFixture } from '../support/run-fixture';

/** Words that explain how Policy Lens works inside, not what the user should know or do. */
const IMPLEMENTER_NOTES = /\b(?:compose|insertions?|offsets?|bytes? of|AST|visitor|regexp?|fixAll|same file|another file|two files|edits? (?:another|two)|snapshot|the rule (?:walks|looks|dispatch))\b|would not/i;
const OPENS_WITH_WORD = /^[\p{L}\p{N}`]/u;
const MAX_WHY = 450;
const MAX_FIX = 350;

function fixtureFindings(): { finding: Finding; result: ReturnType<typeof runFixture> }[] {
  const out: { finding: Finding; result: ReturnType<typeof runFixture> }[] = [];
  for (const folder of ruleFolders()) {
    const dir = join(folder.dir, 'cases');
    for (const name of readdirSync(dir).filter((n) => !isFixedOrExpected(n) && !n.startsWith('.'))) {
      const result = runFixture(join(dir, name).replace(/\\/g, '/'));
      for (const finding of result.findings) out.push({ finding, result });
    }
  }
  return out;
}

const all = fixtureFindings();

describe('hover text of every rule', () => {
  for (const rule of allRules) {
    it(rule.meta.id, () => {
      const doc = readRuleDoc(rule);
      const why = hoverWhy(doc);
      const fix = hoverFix(doc);
      for (const [part, text, max] of [['what', rule.meta.description, 200], ['why', why, MAX_WHY], ['fix', fix, MAX_FIX]] as const) {
        assert.ok(text, `${rule.meta.id}: no ${part} text for the hover`);
        assert.match(text, OPENS_WITH_WORD, `${rule.meta.id}: the ${part} text opens with punctuation: "${text.slice(0, 30)}"`);
        assert.ok(text.length <= max, `${rule.meta.id}: the ${part} text has ${text.length} characters (at most ${max})`);
        assert.doesNotMatch(text, IMPLEMENTER_NOTES, `${rule.meta.id}: the ${part} text holds an implementer note`);
      }
      assert.doesNotMatch(why!, /^[A-F]\.\d+[ :]/, `${rule.meta.id}: the why text repeats the clause quoted above it`);
    });
  }
});

describe('hovers and fix titles on every fixture finding', () => {
  it('covers findings of most rules', () => {
    const rules = new Set(all.map((x) => x.finding.ruleId));
    assert.ok(rules.size >= allRules.length - 2, `findings of ${rules.size} rules`);
  });

  it('no hover repeats the message, and files without comments get no comment advice', () => {
    for (const { finding: f, result } of all) {
      const text = findingHover(f, 'https://docs.example/rules', exemptionHint(f, { result }));
      const where = `${f.ruleId} on ${f.file.split('/').slice(-2).join('/')}:${f.range.start.line + 1}`;
      assert.ok(!text.includes(f.message), `${where}: the hover repeats the message`);
      assert.match(text, /\*\*Why it matters:\*\* \p{L}/u, `${where}: no why`);
      assert.match(text, /\*\*How to fix:\*\* [\p{L}`]/u, `${where}: no fix`);
      if (!isCodeFile(f.file)) assert.doesNotMatch(text, /(?:^|[\s`(])\/\/ /m, `${where}: a // comment suggested for a file that cannot hold one`);
      else if (f.ruleId !== 'invalid-suppression' && f.ruleId !== 'internal-error') assert.match(text, /`\/\/ policy-lens-disable-next-line /, `${where}: code findings show the suppression comment`);
    }
  });

  it('a hover quotes the clauses its finding cites, not every clause of its rule', () => {
    const requests = all.filter((x) => x.finding.ruleId === 'sensitive-data-request').map((x) => x.finding);
    const card = requests.find((f) => f.clauses.includes('D.6'));
    const password = requests.find((f) => !f.clauses.includes('D.6'));
    assert.ok(card && password, 'fixture findings with and without D.6');
    assert.match(findingHover(card, 'https://docs.example/rules', undefined), /clause D\.6/);
    const text = findingHover(password, 'https://docs.example/rules', undefined);
    assert.doesNotMatch(text, /clause D\.6/);
    assert.match(text, /clause C\.2/);
  });

  it('a manifest finding is accepted with an ignore entry at its pointer', () => {
    const m = all.find((x) => x.finding.pointer !== undefined && x.finding.file.endsWith('/web1on1-app.json') && x.result.apps.some((a) => a.manifest));
    assert.ok(m, 'a manifest finding');
    assert.equal(exemptionHint(m.finding, { result: m.result }), `Accept it with a reason in web1on1-app.json: \`"ignore": [{ "rule": "${m.finding.ruleId}", "pointer": "${m.finding.pointer}", "reason": "…" }]\``);
  });

  it(`every quick-fix title fits the light-bulb menu (at most ${MAX_FIX_TITLE} characters)`, () => {
    let titles = 0;
    for (const { finding: f } of all) {
      for (const fix of f.fixes) {
        titles++;
        assert.ok(fix.description.length <= MAX_FIX_TITLE, `${f.ruleId}: "${fix.description}" has ${fix.description.length} characters`);
        assert.match(fix.description, /^\p{Lu}/u, `${f.ruleId}: "${fix.description}"`);
      }
    }
    assert.ok(titles > 50, `${titles} titles checked`);
  });

  it('the suppression and documentation actions fit the menu for every rule', () => {
    for (const r of allRules) {
      for (const t of [suppressTitle(r.meta.id), docsTitle(r.meta.id)]) assert.ok(t.length <= MAX_FIX_TITLE, `"${t}" has ${t.length} characters`);
      assert.ok(suppressTitle(r.meta.id).includes(r.meta.id) && docsTitle(r.meta.id).includes(r.meta.id), 'the titles name the rule: several findings may share a line');
    }
  });
});

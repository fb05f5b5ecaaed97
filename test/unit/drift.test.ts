// Docs and generated tables cannot lie: rule folders, index, docs, clauses, the manual split and the
// README table are checked against each other. `UPDATE=1 npm test` (or `npm run gen`) rewrites what is generated.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../rules/index';
import { CLAUSES, CLAUSE_IDS, MANUAL_ONLY, PARTLY_AUTOMATED } from '../../rules/src/clauses';
import { parsePolicy } from '../../rules/src/policy-text';
import { replaceBetween, ruleTableMarkdown, TABLE_END, TABLE_START } from '../support/generated';
import { REPO, ruleFolders, ruleIndexSource } from '../support/rule-folders';

const UPDATE = process.env['UPDATE'] === '1';

function checkGenerated(path: string, expected: string): void {
  const actual = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (actual !== expected && UPDATE) writeFileSync(path, expected);
  else assert.equal(actual, expected, `${path} is out of date: run \`npm run gen\` (or UPDATE=1 npm test)`);
}

describe('drift', () => {
  it('rules/index.ts lists exactly the rule folders, alphabetically', () => {
    checkGenerated(join(REPO, 'rules', 'index.ts'), ruleIndexSource());
    assert.deepEqual(allRules.map((r) => r.meta.id), ruleFolders().map((f) => f.id));
  });

  for (const folder of ruleFolders()) {
    it(`${folder.id}: module, doc, fixtures and clauses agree`, () => {
      const rule = allRules.find((r) => r.meta.id === folder.id);
      assert.ok(rule, `rules/${folder.group}/${folder.id} is not exported by its module`);
      assert.equal(rule.kind === 'code' ? 'code' : 'manifest', folder.group, `a ${rule.kind} rule lives under rules/${rule.kind === 'code' ? 'code' : 'manifest'}`);
      assert.ok(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule.meta.id), 'ids are kebab-case');
      for (const c of rule.meta.clauses) assert.ok(CLAUSE_IDS.includes(c), `${folder.id} cites unknown clause ${c}`);
      if (rule.meta.id !== 'manifest-invalid') assert.ok(rule.meta.clauses.length > 0, 'only purely structural checks may cite no clause');
      const doc = join(folder.dir, `${folder.id}.md`);
      assert.ok(existsSync(doc), `${doc} is missing`);
      const text = readFileSync(doc, 'utf8');
      assert.ok(text.startsWith(`# ${folder.id}\n`), `${doc} must start with "# ${folder.id}"`);
      for (const section of ['## What it finds', '## Bad', '## Good', '## Fix', '## Suppress']) assert.ok(text.includes(section), `${doc} lacks "${section}"`);
      for (const c of rule.meta.clauses) assert.ok(text.includes(c), `${doc} does not mention ${c}`);
      if (rule.meta.clauses.length) assert.ok(/## Why /.test(text), `${doc} lacks a "## Why <clause>" section`);
      const cases = join(folder.dir, 'cases');
      assert.ok(existsSync(cases) && readdirSync(cases).length > 0, `${cases} has no fixtures`);
      assert.ok(Object.keys(rule.meta.messages).length > 0, 'a rule declares its messages');
    });
  }

  it('the clause registry matches the policy text kept in the repo (and the shared copy)', () => {
    const md = readFileSync(join(REPO, 'rules', 'policy', 'web1on1-developer-policy.md'), 'utf8');
    const parsed = parsePolicy(md, CLAUSES.source);
    checkGenerated(join(REPO, 'rules', 'policy', 'clauses.json'), JSON.stringify(parsed, null, 2) + '\n');
    assert.equal(parsed.clauses.length, 36);
    assert.deepEqual(parsed.clauses.map((c) => c.id).slice(0, 3), ['A.1', 'A.2', 'A.3']);
    const shared = join(REPO, '..', 'shared', 'policy', 'web1on1-developer-policy.md');
    if (existsSync(shared)) assert.equal(readFileSync(shared, 'utf8'), md, 'the published policy changed: update rules/policy/ and map old clause ids to new ones');
  });

  it('every clause is automated or in the frozen manual set', () => {
    assert.deepEqual([...MANUAL_ONLY], ['A.1', 'A.2', 'D.4', 'E.3', 'E.4']);
    assert.deepEqual([...PARTLY_AUTOMATED], ['A.3', 'D.3', 'F.4', 'F.5']);
    for (const id of CLAUSE_IDS) {
      const rules = allRules.filter((r) => r.meta.clauses.includes(id));
      if (MANUAL_ONLY.includes(id)) assert.equal(rules.length, 0, `${id} is manual-only but ${rules.map((r) => r.meta.id).join(', ')} cite it`);
      else if (id !== 'F.5') assert.ok(rules.length > 0, `${id} has no rule and is not in the manual set`);
    }
  });

  it('the .vsix ships every bundle the extension and server load (all of dist/ but the CLI)', () => {
    const outs = [...readFileSync(join(REPO, 'scripts', 'build.mjs'), 'utf8').matchAll(/out: '(dist\/[^']+)'/g)].map((m) => m[1]!);
    assert.ok(outs.includes('dist/index-worker.js'));
    const shipped = new Set(readFileSync(join(REPO, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1).trim()));
    assert.deepEqual(outs.filter((o) => o !== 'dist/cli.js' && !shipped.has(o)), []);
  });

  it('the README rule table is up to date', () => {
    const path = join(REPO, 'README.md');
    const text = readFileSync(path, 'utf8');
    assert.ok(text.includes(TABLE_START) && text.includes(TABLE_END), 'README.md lacks the rule table markers');
    checkGenerated(path, replaceBetween(text, TABLE_START, TABLE_END, ruleTableMarkdown()));
  });
});

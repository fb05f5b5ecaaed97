// Editors re-parse open files incrementally (ts.updateSourceFile from the previous tree): after any
// sequence of edits the findings must equal those of a fresh full parse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import fc from 'fast-check';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import { moveFindings } from '../../rules/src/moved-findings';
import type { Finding } from '../../rules/src/types';
import { REPO } from '../support/rule-folders';

const FILE = '/app/src/bot.js';
const BASE = readFileSync(join(REPO, 'examples', 'service-reminder-bot', 'src', 'bot.js'), 'utf8');
const MANIFEST = readFileSync(join(REPO, 'examples', 'service-reminder-bot', 'web1on1-app.json'), 'utf8');
const NOW = new Date('2026-11-29T12:00:00');
const SNIPPETS = ["'", '(', ')', '{', '}', '\n', ' ', 'rejectUnauthorized: false, ', "console.log(message.contact);\n", 'bot.contacts.list();\n', '// policy-lens-disable-next-line hardcoded-credential -- demo\n', '`${', 'x', '/*', '*/'];

function findings(engine: Engine, text: string) {
  const r = engine.run({ root: '/app', files: new Map([[FILE, text], ['/app/web1on1-app.json', MANIFEST]]), now: NOW });
  return r.findings.map((f) => `${f.ruleId} ${f.startOffset}-${f.endOffset} ${f.message}`);
}

it('incremental re-parsing gives the same findings as a full parse', () => {
  const incremental = new Engine(allRules);
  incremental.keepTreeFor = () => true;
  const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), ins: fc.constantFrom(...SNIPPETS) });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      let text = BASE;
      findings(incremental, text);
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
        assert.deepEqual(findings(incremental, text), findings(new Engine(allRules), text));
      }
    }),
    { numRuns: 25, seed: 20261129 },
  );
});

it('the quick path (one file, held app findings) agrees with a full run, and a full run after it is exact', () => {
  const live = new Engine(allRules);
  live.keepTreeFor = () => true;
  const run = (engine: Engine, text: string) => engine.run({ root: '/app', files: new Map([[FILE, text], ['/app/web1on1-app.json', MANIFEST]]), now: NOW }).findings;
  const show = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.startOffset}-${f.endOffset} ${f.suppression ? 'suppressed ' : ''}${f.message}`);
  const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), ins: fc.constantFrom(...SNIPPETS) });
  let quickRuns = 0;
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      let text = BASE;
      let current = run(live, text).filter((f) => f.file === FILE);
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        const next = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
        const held = moveFindings(current.filter((f) => live.isAppRuleFinding(f)), FILE, text, next);
        const quick = live.checkOne(FILE, next, NOW, held);
        const full = run(new Engine(allRules), next).filter((f) => f.file === FILE);
        text = next;
        if (!quick) {
          current = run(live, text).filter((f) => f.file === FILE);
          continue;
        }
        quickRuns++;
        // code findings are fresh: exactly the full run's
        assert.deepEqual(show(quick.findings.filter((f) => !live.isAppRuleFinding(f))), show(full.filter((f) => !live.isAppRuleFinding(f))));
        // manifest-dependent ones are held, none lost, all inside the new text
        assert.equal(quick.findings.filter((f) => live.isAppRuleFinding(f)).length, held.length);
        for (const f of quick.findings) assert.ok(f.endOffset <= text.length && f.startOffset <= f.endOffset);
        current = quick.findings;
      }
      // the full run owed after typing: identical to a fresh engine's
      assert.deepEqual(show(run(live, text)), show(run(new Engine(allRules), text)));
    }),
    { numRuns: 25, seed: 20261129 },
  );
  assert.ok(quickRuns > 50, `the quick path ran ${quickRuns} times`);
});

it('held findings move with the text; fixes that touch the edit are dropped', () => {
  const text = 'aaa X bbb Y ccc';
  const f = (start: number, end: number, fixAt: number): Finding => ({ ruleId: 'scope-missing', clauses: ['C.1'], severity: 'error', message: 'm', file: FILE, range: { start: { line: 0, character: start }, end: { line: 0, character: end } }, startOffset: start, endOffset: end, fixes: [{ description: 'd', safe: true, edits: [{ file: FILE, start: fixAt, end: fixAt + 1, newText: 'Z' }, { file: '/app/web1on1-app.json', start: 3, end: 3, newText: 'q' }] }] });
  const next = 'aaa X bbbbbb Y ccc'; // three characters typed after "bbb"
  const [before, after, spanning] = moveFindings([f(4, 5, 4), f(10, 11, 10), f(6, 10, 6)], FILE, text, next);
  assert.deepEqual([before!.startOffset, before!.endOffset, before!.fixes[0]!.edits[0]!.start], [4, 5, 4]);
  assert.deepEqual([after!.startOffset, after!.endOffset, after!.fixes[0]!.edits[0]!.start, after!.range.start.character], [13, 14, 13, 13]);
  assert.equal(next.slice(13, 14), 'Y');
  assert.equal(after!.fixes[0]!.edits[1]!.start, 3, 'edits of other files stay');
  assert.deepEqual([spanning!.startOffset, spanning!.endOffset], [6, 13], 'a finding around the typed text grows with it');
  assert.equal(spanning!.fixes.length, 1, 'a fix before the typed text stays');
  const [touched] = moveFindings([f(6, 9, 7)], FILE, text, 'aaa X bQb Y ccc');
  assert.deepEqual([touched!.startOffset, touched!.endOffset], [6, 9]);
  assert.equal(touched!.fixes.length, 0, 'a fix over the typed text is dropped');
});

it('a long-lived engine (cached files, apps and app-rule runs) agrees with a fresh one after any change to any file', () => {
  const dir = join(REPO, 'examples', 'service-reminder-bot');
  const base = new Map<string, string>([
    ['/app/src/bot.js', BASE],
    ['/app/src/store.js', readFileSync(join(dir, 'src', 'store.js'), 'utf8')],
    ['/app/src/reminders.js', readFileSync(join(dir, 'src', 'reminders.js'), 'utf8')],
    ['/app/web1on1-app.json', MANIFEST],
    ['/app/package.json', readFileSync(join(dir, 'package.json'), 'utf8')],
    ['/app/lib/helper.js', "const ChipChat = require('chipchat');\nmodule.exports = (bot) => bot.contacts.list();\n"],
  ]);
  const paths = [...base.keys(), '/app/.env', '/app/.gitignore'];
  // edits that change what app rules see: scopes, URLs, dependencies, ignore files, data stores, handlers
  const CHANGES: [string, (t: string) => string][] = [
    ['/app/web1on1-app.json', (t) => t.replace('"scopes": [', '"scopes": [\n    { "scope": "contacts:read", "reason": "reads contacts" },')],
    ['/app/web1on1-app.json', (t) => t.replace(/http:\/\//g, 'https://')],
    ['/app/web1on1-app.json', (t) => t.replace(/"scopes": \[[^\]]*\]/, '"scopes": []')],
    ['/app/package.json', (t) => t.replace('"^0.7.4"', '"^0.5.0"')],
    ['/app/package.json', (t) => t.replace('"private": true,', '"files": ["src"],')],
    ['/app/.gitignore', () => '.env\nnode_modules\n'],
    ['/app/.env.example', () => 'WEB1ON1_TOKEN=\n'],
    ['/app/src/store.js', (t) => t + "\nbot.on('contact.delete', async (p) => { await redis.del(`contact:${p.data.contact.id}`); });\n"],
    ['/app/src/reminders.js', (t) => t.replace(/bot\./, 'client.')],
    ['/app/src/bot.js', (t) => t + '\nbot.users.list();\n'],
    ['/app/lib/helper.js', (t) => t.replace('contacts.list', 'conversations.list')],
    ['/app/src/bot.js', (t) => t.replace(/^/, '// policy-lens-disable-next-line scope-missing -- dealer grants it\n')],
  ];
  const run = (engine: Engine, files: Map<string, string>) => {
    const r = engine.run({ root: '/app', files, paths: [...new Set([...paths, ...files.keys()])], now: NOW });
    return r.findings.map((f) => `${f.file} ${f.ruleId} ${f.startOffset}-${f.endOffset} ${f.suppression ? 'suppressed ' : ''}${f.message} ${JSON.stringify(f.fixes)}`);
  };
  fc.assert(
    fc.property(fc.array(fc.nat({ max: CHANGES.length - 1 }), { minLength: 1, maxLength: 6 }), (picks) => {
      const live = new Engine(allRules);
      const files = new Map(base);
      run(live, files);
      for (const i of picks) {
        const [file, change] = CHANGES[i]!;
        files.set(file, change(files.get(file) ?? ''));
        assert.deepEqual(run(live, files), run(new Engine(allRules), files), `after change ${i} to ${file}`);
      }
    }),
    { numRuns: 40, seed: 20261129 },
  );
});

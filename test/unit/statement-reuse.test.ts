// Per-statement reuse (meta.reuse 'statement'): after every edit of an open file, the quick path keeps the
// findings of statement-local rules in the statements the edit left alone and re-runs those rules on the rest.
// The differential test: random edits (fixed seed), each re-checked by the live engine and by a fresh one;
// every finding (offsets, range, message, fixes, related places, fingerprint, suppression) must be the same.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import fc from 'fast-check';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import { createCodeRule, type Rule } from '../../rules/src/rule';
import { ts } from '../../rules/src/ts';
import type { Finding } from '../../rules/src/types';
import { REPO } from '../support/rule-folders';

const FILE = '/app/src/bot.js';
const MANIFEST = readFileSync(join(REPO, 'examples', 'service-reminder-bot', 'web1on1-app.json'), 'utf8');
const NOW = new Date('2026-11-29T12:00:00');

/** The example bot and statements in which the statement-local rules find something, many times over. */
function baseText(): string {
  const parts = [readFileSync(join(REPO, 'examples', 'service-reminder-bot', 'src', 'bot.js'), 'utf8')];
  for (let i = 0; i < 12; i++) {
    parts.push(
      `const legacy${i} = 'https://api.chatshipper.com/v2/contacts?page=${i}';`,
      `const owner${i} = { name: 'Jan de Vries', email: 'jan.devries${i}@gmail.com', phone: '06123456${10 + i}' };`,
      `function line${i}(n) {\n  // policy-lens-disable-next-line hardcoded-personal-data -- the dealer's own desk\n  return 'Mail pieter.bakker${i}@hotmail.com or ' + n;\n}`,
      `bot.on('message.create.contact.chat', async (m) => {\n  await bot.send(m.conversation, { text: \`Old host api.chatshipper.com, item ${i}\` });\n});`,
    );
  }
  return parts.join('\n');
}

const SNIPPETS = ["'", '"', '`', '(', ')', '{', '}', ';', '\n', ' ', 'x', '/*', '*/', '//', "'api.chatshipper.com' + ", 'anna.smit@gmail.com ', "{ name: 'Piet', email: 'piet.jansen@kpn.nl' }, ", 'const q = 1;\n', '// policy-lens-disable-next-line legacy-api-host -- migrating\n'];

/** A statement-local probe that counts its visits: string literals with an `x` in them. */
function probe(): { rule: Rule; visits: () => number } {
  let visits = 0;
  const rule = createCodeRule({
    meta: { id: 'probe-x', target: 'code', reuse: 'statement', description: 'probe', clauses: ['F.4'], severity: 'info', fixable: true, messages: { x: 'has an x: {{text}}' } },
    create(context) {
      return {
        [ts.SyntaxKind.StringLiteral](node) {
          visits++;
          const s = node as ts.StringLiteral;
          const at = s.text.indexOf('x');
          if (at < 0) return;
          const start = node.getStart(context.sourceFile) + 1 + at;
          const lines = context.model.lines;
          const related = [{ file: context.file, range: lines.range(node.getStart(context.sourceFile), node.getEnd()), message: 'the literal' }];
          context.report({ messageId: 'x', data: { text: s.text.slice(0, 20) }, start, end: start + 1, related, fixes: [{ description: 'drop the x', edits: [{ file: context.file, start, end: start + 1, newText: '' }], safe: true }] });
        },
      };
    },
  });
  return { rule, visits: () => visits };
}

const shown = (fs: readonly Finding[]) =>
  fs
    .map((f) => JSON.stringify([f.ruleId, f.startOffset, f.endOffset, f.range, f.severity, f.message, f.fixes, f.related, f.fingerprint, f.suppression]))
    .sort();

it('the quick path with per-statement reuse finds exactly what a fresh engine finds, after every random edit', () => {
  const { rule, visits } = probe();
  const rules = [...allRules, rule];
  assert.ok(rules.filter((r) => r.meta.reuse === 'statement').length >= 3, 'statement-local rules take part');
  const base = baseText();
  const input = (text: string) => ({ root: '/app', files: new Map([[FILE, text], ['/app/web1on1-app.json', MANIFEST]]), now: NOW });
  const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 16 }), ins: fc.constantFrom(...SNIPPETS) });
  let edits = 0;
  let literalsSeen = 0;
  let visitsMade = 0;
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (steps) => {
      const live = new Engine(rules);
      live.keepTreeFor = () => true;
      let text = base;
      live.run(input(text));
      for (const e of steps) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
        const before = visits();
        const quick = live.checkOne(FILE, text, NOW, []);
        const visited = visits() - before;
        const fresh = new Engine(rules).run(input(text)).findings.filter((f) => f.file === FILE && !live.isAppRuleFinding(f));
        if (!quick) continue; // a rule failed on the broken text: the full run reports it
        edits++;
        visitsMade += visited;
        literalsSeen += countStringLiterals(text);
        assert.deepEqual(shown(quick.findings), shown(fresh), `after inserting ${JSON.stringify(e.ins)} at ${at}`);
      }
    }),
    { numRuns: 15, seed: 20261207 },
  );
  assert.ok(edits > 30, `the quick path answered ${edits} edits`);
  // the probe looked again at a small part of the literals: the rest was taken over
  assert.ok(visitsMade < literalsSeen / 4, `the probe visited ${visitsMade} of ${literalsSeen} string literals`);
});

it('a statement-local finding moves with its statement when lines are added above it', () => {
  const { rule } = probe();
  const live = new Engine([rule]);
  live.keepTreeFor = () => true;
  const text = "const a = 1;\nconst b = 'box';\n";
  live.run({ root: '/app', files: new Map([[FILE, text]]), now: NOW });
  const edited = '\n\n' + text;
  const quick = live.checkOne(FILE, edited, NOW, [])!;
  assert.equal(quick.findings.length, 1);
  const f = quick.findings[0]!;
  assert.equal(edited.slice(f.startOffset, f.endOffset), 'x');
  assert.deepEqual(f.range.start, { line: 3, character: 13 });
  assert.deepEqual(f.fixes[0]!.edits[0], { file: FILE, start: f.startOffset, end: f.endOffset, newText: '' });
});

function countStringLiterals(text: string): number {
  let n = 0;
  const sf = ts.createSourceFile('x.js', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JSX);
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.StringLiteral) n++;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return n;
}

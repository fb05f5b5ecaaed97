// Each rule has a time budget per file: a rule over it is stopped at its next node, its findings on that file
// are dropped and one internal-error notice names it; every other rule's findings stay. A file whose model
// alone takes too long gets a "not checked" notice. Slow rules here spin on the clock, so the budgets are tiny.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ts } from '../../rules/src/ts';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import { createAppRule, createCodeRule } from '../../rules/src/rule';

const NOW = new Date('2026-11-29T12:00:00');
const BAD = "const agent = new https.Agent({ rejectUnauthorized: false });\n";
const STRINGS = Array.from({ length: 200 }, (_, i) => `const s${i} = 'v${i}';\n`).join('');

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy: a rule that computes too much, not one that waits
  }
}

const meta = (id: string) => ({ id, target: 'code' as const, description: id, clauses: ['F.1'], severity: 'warning' as const, fixable: false, messages: { m: id } });

/** Reports every string literal, spending `msPerNode` on each; counts its visits. */
function slowRule(id: string, msPerNode: number, onEndMs = 0) {
  const stats = { visits: 0 };
  const rule = createCodeRule({
    meta: meta(id),
    create: (context) => ({
      [ts.SyntaxKind.StringLiteral]: (node: ts.Node) => {
        stats.visits++;
        spin(msPerNode);
        context.report({ messageId: 'm', start: node.getStart(context.sourceFile), end: node.getEnd() });
      },
      onEnd: () => spin(onEndMs),
    }),
  });
  return { rule, stats };
}

/** A quick rule beside the slow one (the real rules could themselves run past a budget of a few ms on a busy machine). */
const control = createCodeRule({
  meta: meta('control'),
  create: (context) => ({
    [ts.SyntaxKind.NewExpression]: (node: ts.Node) => context.report({ messageId: 'm', start: node.getStart(context.sourceFile), end: node.getEnd() }),
  }),
});

function run(engine: Engine, files: Record<string, string>) {
  return engine.run({ root: '/app', files: new Map(Object.entries(files)), now: NOW });
}

describe('time budget', () => {
  it('a rule over its budget is stopped at a node, its findings dropped, one notice listing the files; the others keep theirs', () => {
    const { rule, stats } = slowRule('slow-visitor', 1);
    const engine = new Engine([control, rule], { ruleMs: 20 });
    const r = run(engine, { '/app/a.js': STRINGS + BAD, '/app/b.js': STRINGS });
    // stopped within a clock check of the budget, not after all 200 literals of each file
    assert.ok(stats.visits < 2 * 200, `${stats.visits} visits`);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'slow-visitor'), []);
    const notices = r.notices.filter((n) => n.kind === 'internal-error');
    assert.equal(notices.length, 1);
    assert.equal(notices[0]!.ruleId, 'slow-visitor');
    assert.match(notices[0]!.message, /"slow-visitor" ran over its time budget \(20 ms per file of up to 256 kB\) and was skipped on 2 file\(s\): \/app\/a\.js, \/app\/b\.js/);
    assert.equal(r.findings.filter((f) => f.ruleId === 'internal-error').length, 1);
    assert.ok(r.findings.some((f) => f.ruleId === 'control' && f.file === '/app/a.js'));
  });

  it('a rule within its budget keeps all its findings', () => {
    const { rule } = slowRule('quick-enough', 0);
    const r = run(new Engine([rule], { ruleMs: 5000 }), { '/app/a.js': STRINGS });
    assert.equal(r.findings.filter((f) => f.ruleId === 'quick-enough').length, 200);
    assert.deepEqual(r.notices, []);
  });

  it('a long onEnd loses the findings its visitors made', () => {
    const { rule } = slowRule('slow-end', 0, 60);
    const r = run(new Engine([control, rule], { ruleMs: 20 }), { '/app/a.js': STRINGS + BAD });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'slow-end'), []);
    assert.ok(r.notices.some((n) => n.kind === 'internal-error' && n.ruleId === 'slow-end'));
    assert.ok(r.findings.some((f) => f.ruleId === 'control'));
  });

  it('once the file budget is spent, the rules not yet run are skipped and reported', () => {
    const first = slowRule('aaa-first', 1);
    const second = slowRule('aaa-second', 0);
    const r = run(new Engine([first.rule, second.rule], { ruleMs: 10000, fileMs: 30 }), { '/app/a.js': STRINGS });
    assert.equal(second.stats.visits, 0);
    assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('aaa-')), []);
    assert.deepEqual(r.notices.map((n) => n.ruleId).sort(), ['aaa-first', 'aaa-second']);
  });

  it('an app rule over its budget: its findings dropped, an internal-error notice naming the manifest', () => {
    const slowApp = createAppRule({
      meta: { ...meta('slow-app'), target: 'package' },
      check: (context) => {
        context.report({ messageId: 'm', file: context.app.root + '/package.json', start: 0, end: 1 });
        spin(40);
      },
    });
    const r = run(new Engine([control, slowApp], { ruleMs: 20 }), { '/app/web1on1-app.json': '{"name":"x"}', '/app/a.js': BAD });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'slow-app'), []);
    const notice = r.notices.find((n) => n.ruleId === 'slow-app');
    assert.match(notice?.message ?? '', /ran over its time budget .*1 file\(s\): \/app\/web1on1-app\.json \(took longer than 20 ms\)/);
    assert.ok(r.findings.some((f) => f.ruleId === 'control'));
  });

  it('a bigger file gets a budget in proportion', () => {
    const { rule } = slowRule('slow-visitor', 1);
    // 512 kB of comment: twice the size unit, so twice the 40 ms
    const text = `//${' '.repeat(512 * 1024)}\n` + STRINGS;
    const r = run(new Engine([control, rule], { ruleMs: 40 }), { '/app/a.js': text });
    assert.match(r.notices.find((n) => n.ruleId === 'slow-visitor')?.message ?? '', /ran over its time budget/);
    const e = new Engine([rule], { ruleMs: 40 });
    run(e, { '/app/a.js': text });
    const [result] = e.exportResults(['/app/a.js']);
    assert.match(result!.errors[0]!.message, /took longer than 8\d ms/);
  });

  it('a file whose model takes longer than its budget is "not checked"; the other files are', () => {
    const big = Array.from({ length: 12000 }, (_, i) => `f${i}(a, b, c);\n`).join(''); // under 256 kB: the base budget
    const engine = new Engine(allRules, { modelMs: 50 });
    // a clock that moves 10 ms each time it is read: the walk over big.js reads it every few thousand nodes,
    // the small file's model not at all, so the outcome does not depend on how busy the machine is
    let ticks = 0;
    engine.clock = () => (ticks += 10);
    const r = run(engine, { '/app/big.js': big, '/app/ok.js': BAD });
    assert.match(r.notices.find((n) => n.file === '/app/big.js')?.message ?? '', /^Not checked: analysing it took longer than 50 ms/);
    assert.ok(r.findings.some((f) => f.file === '/app/ok.js' && f.ruleId === 'security-control-disabled'));
  });
});

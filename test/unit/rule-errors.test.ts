// A rule that fails is kept as a record (rule, file, detail, over budget?) and reported once per rule: a
// notice and an F.5 warning on the first file it failed on, whatever characters that file's path holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ts } from '../../rules/src/ts';
import { Engine } from '../../rules/src/engine';
import { ruleFailureReports } from '../../rules/src/engine/rule-errors';
import { createAppRule, createCodeRule } from '../../rules/src/rule';

const NOW = new Date('2026-11-29T12:00:00');
const meta = (id: string) => ({ id, target: 'code' as const, description: id, clauses: ['F.1'], severity: 'warning' as const, fixable: false, messages: { m: id } });

const throwingCodeRule = createCodeRule({
  meta: meta('boom'),
  create: () => ({
    [ts.SyntaxKind.CallExpression]: () => {
      throw new Error('kaboom');
    },
  }),
});

const throwingAppRule = createAppRule({
  meta: { ...meta('app-boom'), target: 'package' },
  check: () => {
    throw new Error('bad (nested) input');
  },
});

function run(engine: Engine, files: Record<string, string>) {
  return engine.run({ root: '/app', files: new Map(Object.entries(files)), now: NOW });
}

describe('rule errors', () => {
  it('a code file whose path holds " (" is named whole by the notice and the finding', () => {
    const r = run(new Engine([throwingCodeRule]), { '/app/copy (2).js': 'f();\n' });
    const notice = r.notices.find((n) => n.ruleId === 'boom');
    assert.equal(notice?.file, '/app/copy (2).js');
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'internal-error').map((f) => [f.file, f.message]), [['/app/copy (2).js', '[F.5] Rule "boom" failed and was skipped on 1 file(s): /app/copy (2).js']]);
  });

  it('an app rule that throws is reported on its manifest, with the error after it', () => {
    const r = run(new Engine([throwingAppRule]), { '/app/web1on1-app.json': '{"name":"x"}', '/app/a.js': 'f();\n' });
    const notice = r.notices.find((n) => n.ruleId === 'app-boom');
    assert.equal(notice?.file, '/app/web1on1-app.json');
    assert.equal(notice?.message, '[F.5] Rule "app-boom" failed and was skipped on 1 file(s): /app/web1on1-app.json (bad (nested) input)');
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.file), ['/app/web1on1-app.json']);
  });

  it('one report per rule, in order of first failure; over budget only when every failure was; at most five files named', () => {
    const failures = [
      ...['/a.js', '/b.js', '/c.js', '/d.js', '/e.js', '/f.js'].map((file) => ({ ruleId: 'slow', file, overBudget: true })),
      { ruleId: 'mixed', file: '/m.js', overBudget: true },
      { ruleId: 'mixed', file: '/app/web1on1-app.json', detail: 'oops', overBudget: false },
    ];
    const { notices, findings } = ruleFailureReports(failures, 20, new Map([['/a.js', 'x();\n']]));
    assert.deepEqual(
      notices.map((n) => [n.ruleId, n.file, n.message]),
      [
        ['slow', '/a.js', '[F.5] Rule "slow" ran over its time budget (20 ms per file of up to 256 kB) and was skipped on 6 file(s): /a.js, /b.js, /c.js, /d.js, /e.js …'],
        ['mixed', '/m.js', '[F.5] Rule "mixed" failed and was skipped on 2 file(s): /m.js, /app/web1on1-app.json (oops)'],
      ],
    );
    assert.deepEqual(findings.map((f) => [f.ruleId, f.file, f.severity, f.clauses, f.startOffset]), [
      ['internal-error', '/a.js', 'warning', ['F.5'], 0],
      ['internal-error', '/m.js', 'warning', ['F.5'], 0],
    ]);
  });
});

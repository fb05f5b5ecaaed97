// Bad input never crashes the engine or the loader: broken code, binary and non-UTF-8 files, minified
// bundles, absurd nesting, ReDoS-shaped literals, thousands of files, symlink loops, broken manifests,
// and a rule that throws.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ts } from '../../rules/src/ts';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import { loadProject, toPosix } from '../../rules/src/node/load-project';
import { createCodeRule } from '../../rules/src/rule';

const NOW = new Date('2026-11-29T12:00:00');
const engine = new Engine(allRules);
const BAD = "const agent = new https.Agent({ rejectUnauthorized: false });\n";

function run(files: Record<string, string>, e = engine) {
  return e.run({ root: '/app', files: new Map(Object.entries(files)), now: NOW });
}

const tmp = mkdtempSync(join(tmpdir(), 'policy-lens-robust-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('robustness', () => {
  it('syntax errors: the file is still checked as far as it parses', () => {
    const r = run({ '/app/a.js': `${BAD}function (( {\n  const = ;\n` });
    assert.ok(r.findings.some((f) => f.ruleId === 'security-control-disabled'));
  });

  it('binary content gets one "not checked" notice', () => {
    const r = run({ '/app/blob.js': 'abc\u0000\u0001\u0002def' });
    assert.equal(r.notices.filter((n) => n.file === '/app/blob.js' && n.kind === 'not-checked').length, 1);
  });

  it('20,000 levels of nesting: one notice, no crash; a 5,000-term expression is walked', () => {
    const deep = 'x = ' + '('.repeat(20000) + '1' + ')'.repeat(20000) + ';\n';
    const r = run({ '/app/deep.js': deep, '/app/ok.js': BAD });
    assert.match(r.notices.find((n) => n.file === '/app/deep.js')?.message ?? '', /not checked/i);
    assert.ok(r.findings.some((f) => f.file === '/app/ok.js'));
    // longer chains are covered by pathological-inputs.test.ts
    const long = 'const s = ' + Array.from({ length: 5000 }, (_, i) => `'p${i}'`).join(' + ') + ';\n' + BAD;
    const r2 = run({ '/app/long.js': long });
    assert.ok(r2.findings.some((f) => f.ruleId === 'security-control-disabled'));
  });

  it('a minified one-line bundle is checked', () => {
    const body = Array.from({ length: 20000 }, (_, i) => `function f${i}(a){return a+${i}}`).join(';');
    const r = run({ '/app/bundle.min.js': body + ';' + BAD.trim() });
    assert.ok(r.findings.some((f) => f.ruleId === 'security-control-disabled' && f.range.start.line === 0));
  });

  it('ReDoS-shaped literals finish', () => {
    const evil = 'a'.repeat(50000) + '!';
    const at = '@'.repeat(20000);
    const code = `const a = '${evil}';\nconst b = 'x${at}y';\nconst c = \`https://${'a.'.repeat(10000)}\`;\nconst d = '${'/'.repeat(30000)}x';\nconsole.log('${'password='.repeat(3000)}');\n`;
    const manifest = JSON.stringify({ name: evil, description: at, privacyPolicyUrl: 'https://' + 'a'.repeat(40000), scopes: [{ scope: 'contacts:read', reason: ' '.repeat(30000) + 'x' }] });
    const r = run({ '/app/web1on1-app.json': manifest, '/app/evil.js': code });
    assert.ok(Array.isArray(r.findings));
  });

  it('thousands of files', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`/app/src/m${i}.js`] = `module.exports = function m${i}(x) { return x + ${i}; };\n`;
    files['/app/src/bad.js'] = BAD;
    const r = run(files);
    assert.equal(r.stats.codeFiles, 3001);
    assert.ok(r.findings.some((f) => f.file === '/app/src/bad.js'));
  });

  for (const [label, text] of [
    ['empty', ''],
    ['null', 'null'],
    ['an array', '[1, 2]'],
    ['a string', '"web1on1"'],
    ['truncated', '{ "name": "x", "scopes": ['],
    ['wrong types', '{ "name": 42, "scopes": "contacts:read", "webhook": [], "dataProtection": "yes", "support": null, "listing": 7 }'],
    ['deeply nested', '['.repeat(5000) + ']'.repeat(5000)],
  ] as const) {
    it(`a manifest that is ${label} is a finding at most; code rules still run`, () => {
      const r = run({ '/app/web1on1-app.json': text, '/app/a.js': BAD });
      assert.ok(r.findings.some((f) => f.ruleId === 'security-control-disabled'), 'code rules ran');
      assert.equal(r.findings.filter((f) => f.ruleId === 'internal-error').length, 0, r.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message).join('\n'));
    });
  }

  it('a rule that throws is isolated: one internal-error finding listing the files, the others go on', () => {
    const boom = createCodeRule({
      meta: { id: 'boom', target: 'code', description: 'throws', clauses: ['F.1'], severity: 'warning', fixable: false, messages: {} },
      create: () => ({
        [ts.SyntaxKind.CallExpression]: () => {
          throw new Error('kaboom');
        },
      }),
    });
    const e = new Engine([...allRules, boom]);
    const r = run({ '/app/a.js': BAD + 'f();\n', '/app/b.js': 'g();\n' }, e);
    const internal = r.findings.filter((f) => f.ruleId === 'internal-error');
    assert.equal(internal.length, 1);
    assert.match(internal[0]!.message, /"boom" failed .* 2 file\(s\): \/app\/a\.js, \/app\/b\.js/);
    assert.ok(r.notices.some((n) => n.kind === 'internal-error' && n.ruleId === 'boom'));
    assert.ok(r.findings.some((f) => f.ruleId === 'security-control-disabled'));
  });

  it('the loader survives symlink loops, binary and non-UTF-8 files, and huge files', () => {
    const root = join(tmp, 'loop');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'src', 'a.js'), BAD);
    symlinkSync(root, join(root, 'src', 'again'));
    symlinkSync(join(root, 'missing-target'), join(root, 'dangling.js'));
    writeFileSync(join(root, 'src', 'latin1.js'), Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x20, 0x73, 0x3d, 0x27, 0xe9, 0xe8, 0xff, 0xfe, 0x27, 0x3b, 0x0a]));
    writeFileSync(join(root, 'src', 'img.js'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    writeFileSync(join(root, 'src', 'huge.js'), 'x'.repeat(2 * 1024 * 1024));
    const loaded = loadProject([root], { cwd: root, knownRuleIds: engine.ruleIds, now: NOW });
    const r = engine.run(loaded.input);
    const files = [...loaded.input.files.keys()];
    assert.equal(files.filter((f) => f.endsWith('/a.js')).length, 1, 'the loop is not followed twice');
    assert.ok(loaded.notices.some((n) => n.file.endsWith('img.js') && /binary/.test(n.message)));
    assert.ok(loaded.notices.some((n) => n.file.endsWith('huge.js') && /larger than/.test(n.message)));
    assert.ok(r.findings.some((f) => f.file === toPosix(join(root, 'src', 'a.js'))));
  });
});

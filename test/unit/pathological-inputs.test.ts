// Files shaped to make an analysis super-linear (one 20,000-term `'a' + 'a' + …` line, a 20,000-call method chain,
// a 20,000-element array …) are checked by the whole engine at about the speed of ordinary code. The bounds here
// are hang guards, far above the real times (`npm run bench` has those): the quadratic versions took minutes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';

const NOW = new Date('2026-11-29T12:00:00');
const BAD = "const agent = new https.Agent({ rejectUnauthorized: false });\n";
const HANG_GUARD_MS = 5000;
const N = 20000;
/** Deeper than this, TypeScript's recursive parser gives up and the file gets a "not checked" notice. */
const PARSER_DEPTH = 500;

export const PATHOLOGICAL: Record<string, string> = {
  'string concatenation': 'const s = ' + Array.from({ length: N }, () => `'a'`).join(' + ') + ';\n',
  'legacy hosts concatenated': 'const s = ' + Array.from({ length: N }, () => `'https://api.chatshipper.com/'`).join(' + ') + ';\n',
  'concatenation sent to a consumer': "const Bot = require('chipchat');\nconst bot = new Bot({ token: process.env.TOKEN });\nbot.send(id, " + Array.from({ length: N }, () => `'web1on1 a@b.nl'`).join(' + ') + ');\n',
  'concatenation passed to eval': 'eval(' + Array.from({ length: N }, () => `'a'`).join(' + ') + ');\n',
  'method chain': 'const s = a' + '.b()'.repeat(N) + ';\n',
  'promise chain of sends': "const Bot = require('chipchat');\nconst bot = new Bot({ token: process.env.TOKEN });\nbot.contacts.list()" + '.then((r) => bot.send(r.id, "x"))'.repeat(3000) + ';\n',
  'nested calls': 'const s = ' + 'f('.repeat(PARSER_DEPTH) + '1' + ')'.repeat(PARSER_DEPTH) + ';\n',
  'nested parentheses': 'const s = ' + '('.repeat(PARSER_DEPTH) + '1' + ')'.repeat(PARSER_DEPTH) + ';\n',
  'nested arrow functions': 'const f = ' + Array.from({ length: PARSER_DEPTH }, (_, i) => `(a${i}) => `).join('') + '1;\n',
  'ternary chain': 'const s = ' + Array.from({ length: 4 * PARSER_DEPTH }, (_, i) => `c${i} ? ${i} : `).join('') + '0;\n',
  'array literal': 'const s = [' + Array.from({ length: N }, (_, i) => `'e${i}'`).join(', ') + '];\n',
  'switch with 10,000 cases': 'switch (x) {\n' + Array.from({ length: N / 2 }, (_, i) => `  case ${i}: y = 'v${i}'; break;\n`).join('') + '}\n',
  'object literal': 'const o = {\n' + Array.from({ length: N }, (_, i) => `  k${i}: 'v${i}',\n`).join('') + '};\n',
};

describe('pathological inputs', () => {
  for (const [name, code] of Object.entries(PATHOLOGICAL)) {
    it(`${name}: every rule runs, well within the hang guard`, () => {
      const started = performance.now();
      const r = new Engine(allRules).run({ root: '/app', files: new Map([['/app/x.js', code + BAD]]), now: NOW });
      const ms = performance.now() - started;
      assert.ok(ms < HANG_GUARD_MS, `${name}: ${Math.round(ms)} ms`);
      // no rule stopped or failed, and the rules still find what is there
      assert.deepEqual(r.notices.filter((n) => n.kind === 'internal-error').map((n) => n.message), []);
      assert.ok(r.findings.some((f) => f.ruleId === 'security-control-disabled'), `${name}: the file was checked`);
    });
  }
});

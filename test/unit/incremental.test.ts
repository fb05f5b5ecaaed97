// Editors re-parse open files incrementally (ts.updateSourceFile from the previous tree): after any
// sequence of edits the findings must equal those of a fresh full parse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import fc from 'fast-check';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
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

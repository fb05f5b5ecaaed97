// What the file model remembers across versions of an open file (name resolutions by top-level statement)
// must give exactly what a model built from a fresh parse gives. The differential test: random edits (fixed
// seed) to a chipchat bot, a generated bot app and a file full of shadowed and hoisted names; after every
// edit the re-parsed tree's model and a fresh one resolve every name they are asked about to the same
// declaration, and the engine's quick path finds what a fresh engine finds, with the same facts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import fc from 'fast-check';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import { listenedKinds } from '../../rules/src/engine/analyze-file';
import { FileModel } from '../../rules/src/model/file-model';
import { parseCode, reparseCode } from '../../rules/src/parse';
import type { CodeRule } from '../../rules/src/rule';
import { ts } from '../../rules/src/ts';
import type { Finding } from '../../rules/src/types';
import { bigFile } from '../bench/big-file';
import { generateBots } from '../bench/generate';
import { REPO } from '../support/rule-folders';

const FILE = '/app/src/bot.js';
const NOW = new Date('2026-11-29T12:00:00');
const MANIFEST = readFileSync(join(REPO, 'examples', 'service-reminder-bot', 'web1on1-app.json'), 'utf8');
const KINDS = listenedKinds(allRules.filter((r): r is CodeRule => r.kind === 'code'));

/** Names declared at file level, shadowed inside functions and blocks, hoisted, destructured and re-assigned. */
const SCOPES = `const ChipChat = require('chipchat');
const bot = new ChipChat({ token: process.env.TOKEN });
let reply = 'Hello';
function notify(bot, text) {
  const reply = text + '!';
  return bot.send(reply);
}
class Desk {
  constructor(bot) { this.bot = bot; }
  greet(ctx) { return this.bot.conversations.get(ctx.id); }
}
bot.on('message.create.contact.chat', async (m, ctx) => {
  if (m.text) { var seen = true; }
  const { say } = ctx;
  await say(reply);
  notify(bot, seen ? reply : 'again');
  new Desk(bot).greet(ctx);
});
{
  let reply = 'inner';
  bot.send(reply);
}
reply = 'Bye';
`;

const SNIPPETS = ['bot', 'ctx', 'reply', 'x', ' ', '\n', ';', '{', '}', '(', ')', "'", '=>', 'const bot = 1;\n', 'let reply;\n', 'var seen;\n', 'function notify() {}\n', 'const { say } = bot;\n', '// ', '/*', '*/'];
const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), ins: fc.constantFrom(...SNIPPETS) });
const dir = mkdtempSync(join(tmpdir(), 'policy-lens-model-reuse-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function bases(): string[] {
  generateBots(dir, 6, 11);
  return [SCOPES, readFileSync(join(REPO, 'examples', 'service-reminder-bot', 'src', 'bot.js'), 'utf8'), readFileSync(bigFile(dir, 400), 'utf8')];
}

/** Every identifier of a tree, in document order (the model's walk has linked parents). */
function identifiers(sf: ts.SourceFile): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const describeDecl = (d: ts.Node | undefined) => (d ? `${ts.SyntaxKind[d.kind]}@${d.pos}-${d.end}` : 'global');

it('names in a re-parsed file resolve as in a fresh parse after every random edit, whichever names were asked before', () => {
  const texts = bases();
  let compared = 0;
  fc.assert(
    fc.property(fc.constantFrom(...texts.keys()), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, steps) => {
      let text = texts[which]!;
      let tree = (parseCode(FILE, text) as { sourceFile: ts.SourceFile }).sourceFile;
      let live = new FileModel(FILE, text, tree, { sdkModules: ['chipchat'], acrossVersions: true }, KINDS);
      identifiers(tree).forEach((id) => live.tracker.declarationOf(id));
      for (const [step, e] of steps.entries()) {
        const at = e.at % (text.length + 1);
        const next = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
        const parsed = reparseCode(FILE, tree, text, next);
        const fresh = parseCode(FILE, next);
        if (!parsed.ok || !fresh.ok) return;
        text = next;
        tree = parsed.sourceFile;
        live = new FileModel(FILE, text, tree, { sdkModules: ['chipchat'], acrossVersions: true }, KINDS);
        const model = new FileModel(FILE, text, fresh.sourceFile, { sdkModules: ['chipchat'] }, KINDS);
        const liveIds = identifiers(tree);
        const freshIds = identifiers(fresh.sourceFile);
        assert.equal(liveIds.length, freshIds.length);
        // half the names each version: the others keep what an older version remembered of them
        for (let i = step % 2; i < liveIds.length; i += 2) {
          const got = describeDecl(live.tracker.declarationOf(liveIds[i]!));
          const want = describeDecl(model.tracker.declarationOf(freshIds[i]!));
          assert.equal(got, want, `\`${liveIds[i]!.text}\` at ${liveIds[i]!.pos} after inserting ${JSON.stringify(e.ins)} at ${at}`);
          compared++;
        }
      }
    }),
    { numRuns: 40, seed: 20261207 },
  );
  assert.ok(compared > 2000, `${compared} resolutions compared`);
});

const shown = (fs: readonly Finding[]) =>
  fs.map((f) => JSON.stringify([f.ruleId, f.startOffset, f.endOffset, f.range, f.severity, f.message, f.fixes, f.related, f.fingerprint, f.suppression])).sort();

it('the quick path on a kept tree gives a fresh engine\'s findings and facts after every random edit', () => {
  const texts = bases();
  const input = (text: string) => ({ root: '/app', files: new Map([[FILE, text], ['/app/web1on1-app.json', MANIFEST]]), now: NOW });
  let edits = 0;
  let findings = 0;
  fc.assert(
    fc.property(fc.constantFrom(...texts.keys()), fc.array(edit, { minLength: 1, maxLength: 5 }), (which, steps) => {
      const live = new Engine(allRules);
      live.keepTreeFor = () => true;
      let text = texts[which]!;
      live.run(input(text));
      for (const e of steps) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
        const quick = live.checkOne(FILE, text, NOW, []);
        const fresh = new Engine(allRules).run(input(text));
        if (!quick) continue; // a rule failed on the broken text: the full run reports it
        edits++;
        findings += quick.findings.length;
        assert.deepEqual(shown(quick.findings), shown(fresh.findings.filter((f) => f.file === FILE && !live.isAppRuleFinding(f))), `findings after inserting ${JSON.stringify(e.ins)} at ${at}`);
        assert.deepEqual(quick.facts, fresh.facts.get(FILE), `facts after inserting ${JSON.stringify(e.ins)} at ${at}`);
      }
    }),
    { numRuns: 12, seed: 20261207 },
  );
  assert.ok(edits > 30 && findings > 30, `the quick path answered ${edits} edits with ${findings} findings`);
});

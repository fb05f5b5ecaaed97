// The personal-data model is the dearest part of a file's analysis, and only an app manifest's rules read the
// facts it gives (and three code rules ask it questions): a check builds it only in files where something
// asks. These tests hold that, and that where the facts are read they are what they always were.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import { collectFacts } from '../../rules/src/model/facts';
import { FileModel } from '../../rules/src/model/file-model';
import { PersonalDataModel } from '../../rules/src/model/personal-data';
import { loadProject } from '../../rules/src/node/load-project';
import { parseCode } from '../../rules/src/parse';

const NOW = new Date('2026-06-01T12:00:00');

const STORING_BOT = `
const ChipChat = require('chipchat');
const db = require('./db');
const bot = new ChipChat({ token: process.env.TOKEN });
bot.on('message', async (message, conversation) => {
  const contact = await bot.contacts.get(message.contact);
  await db.insert({ email: contact.email });
  conversation.say('Thanks!');
});
`;
const UTIL = 'function larger(a, b) { return Math.max(a, b); }\nmodule.exports = { larger };\n';
const LOGGER = "function greet(user) { console.log('hi', user.email); }\nmodule.exports = greet;\n";

function modelOf(code: string, file = '/app/bot.js'): FileModel {
  const parsed = parseCode(file, code);
  assert.ok(parsed.ok);
  return new FileModel(file, code, parsed.sourceFile, { sdkModules: ['chipchat'] }, []);
}

describe('collectFacts without the personal-data model', () => {
  it('leaves the personal-data facts empty and every other fact as it is', () => {
    const model = modelOf(STORING_BOT);
    const full = collectFacts(model, () => new PersonalDataModel(model));
    assert.deepEqual(full.storesPersonalData.map((s) => s.what), ['contact e-mail via insert()']);
    const without = collectFacts(model, undefined);
    assert.deepEqual(without.storesPersonalData, []);
    assert.equal(without.personalDataReads, undefined);
    // the SDK's own word (a message handler, a contact read) needs no personal-data model
    assert.equal(without.readsPersonalData, true);
    const { storesPersonalData: _s, personalDataReads: _r, ...rest } = full;
    const { storesPersonalData: _s2, personalDataReads: _r2, ...restWithout } = without;
    assert.deepEqual(restWithout, rest);
  });
});

describe('the personal-data model in a check', () => {
  /** Checks `files` (path → text) in a fresh folder; which files a personal-data model was built for. */
  function check(files: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'policy-lens-pd-facts-'));
    // every build reads each call of its file once (callbackOfRead): counted by file
    const proto = PersonalDataModel.prototype as unknown as { callbackOfRead: (call: unknown) => void };
    const original = proto.callbackOfRead;
    const built = new Set<string>();
    proto.callbackOfRead = function (this: { model: FileModel }, call: unknown) {
      built.add(this.model.path.slice(dir.length + 1));
      return original.call(this, call);
    };
    try {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const engine = new Engine(allRules);
      const { input } = loadProject([dir], { cwd: dir, knownRuleIds: engine.ruleIds, now: NOW });
      const result = engine.run(input);
      const rel = (p: string) => p.slice(dir.length + 1);
      return { built: [...built].sort(), findings: result.findings.map((f) => `${f.ruleId} ${rel(f.file)}`).sort(), facts: new Map([...result.facts].map(([f, x]) => [rel(f), x])) };
    } finally {
      proto.callbackOfRead = original;
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('is built only in files where a rule asks when no app has a manifest', () => {
    // util.js has no log, storage or HTTP call a rule asks about; log.js logs a user's e-mail
    const { built, findings } = check({ 'src/util.js': UTIL, 'src/log.js': LOGGER });
    assert.deepEqual(built, ['src/log.js']);
    assert.ok(findings.includes('personal-data-logged src/log.js'), findings.join('\n'));
  });

  it("gives an app's manifest rules the facts about personal data in every file", () => {
    const manifest = JSON.stringify({ name: 'Bot', dataProtection: { storesPersonalData: false } });
    const { built, facts } = check({ 'web1on1-app.json': manifest, 'package.json': '{"name":"bot"}', 'src/util.js': UTIL, 'src/bot.js': STORING_BOT });
    assert.deepEqual(built, ['src/bot.js', 'src/util.js']);
    assert.deepEqual(facts.get('src/bot.js')?.storesPersonalData.map((s) => s.what), ['contact e-mail via insert()']);
  });
});

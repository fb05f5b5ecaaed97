// Fixes that rewrite code: which findings offer one, and which of them may run on save (safe).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import { applyEdits, collectFixEdits } from '../../rules/src/fixes/apply';
import { isCodeFile } from '../../rules/src/parse';
import type { Finding } from '../../rules/src/types';
import { REPO } from '../support/rule-folders';
import { FIXTURE_NOW, runFixture } from '../support/run-fixture';

function check(code: string, file = '/app/src/bot.js'): Finding[] {
  return new Engine(allRules).run({ root: '/app', files: new Map([[file, code]]), now: FIXTURE_NOW }).findings;
}

/** A fix that changes the app's code, not only a manifest, docs or an .env.example. */
function editsCode(f: Finding): boolean {
  return f.fixes.some((x) => x.edits.some((e) => isCodeFile(e.file)));
}

describe('fixes that edit code', () => {
  it('a bot with five classic problems gets a code fix for at least three of them', () => {
    const bot = [
      "const ChipChat = require('chipchat');",
      "const axios = require('axios');",
      '',
      "const bot = new ChipChat({ token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI2NTFmMmEiLCJyb2xlIjoiYm90In0.c2lnbmF0dXJlLW9mLXRoZS1zaG93cm9vbS1ib3Q' });",
      '',
      "bot.on('message.create.contact.chat', async (message, conversation) => {",
      "  const stock = await axios.get('http://stock.showroom-feeds.nl/v1/cars');",
      '  const cars = eval(stock.data);',
      '  await conversation.say(`We have ${cars.length} cars for you. Please send us your credit card number to reserve one.`);',
      '});',
      '',
      'bot.start();',
      '',
    ].join('\n');
    const findings = check(bot);
    const expected = ['hardcoded-credential', 'insecure-transport', 'dynamic-code-execution', 'sensitive-data-request', 'webhook-unverified'];
    const five = expected.map((id) => findings.find((f) => f.ruleId === id));
    five.forEach((f, i) => assert.ok(f, `${expected[i]} should report on the bot; got ${findings.map((x) => x.ruleId).join(', ')}`));
    const withCodeFix = five.filter((f) => editsCode(f!)).map((f) => f!.ruleId);
    assert.ok(withCodeFix.length >= 3, `only ${withCodeFix.join(', ') || 'none'} offer a code fix`);
    // the three rewrites added for this bot: scheme, parser, payment link
    const fixed = applyEdits(bot, collectFixEdits(five.filter((f) => ['insecure-transport', 'dynamic-code-execution', 'sensitive-data-request'].includes(f!.ruleId)) as Finding[]).get('/app/src/bot.js')!);
    assert.match(fixed, /axios\.get\('https:\/\/stock\.showroom-feeds\.nl\/v1\/cars'\)/);
    assert.match(fixed, /const cars = JSON\.parse\(stock\.data\);/);
    assert.match(fixed, /for you\. Please pay through the secure payment link we send you; do not share card details in this chat\.`\)/);
  });

  it('"Use https://" is offered for every http URL literal, and safe (applied on save) only for hosts known to serve https', () => {
    const path = join(REPO, 'rules/code/insecure-transport/cases/lead-sync.js').replace(/\\/g, '/');
    const findings = runFixture(path).findings.filter((f) => f.ruleId === 'insecure-transport');
    const literal = findings.filter((f) => f.fixes.length);
    assert.ok(literal.length >= 8, `fixes on ${literal.length} findings`);
    for (const f of literal) assert.equal(f.fixes[0]!.description, 'Use https://');
    const safe = applyEdits(readFileSync(path, 'utf8'), collectFixEdits(findings, { safeOnly: true }).get(path) ?? []);
    assert.match(safe, /host: 'https:\/\/api\.web1on1\.chat'/);
    assert.match(safe, /fetch\('https:\/\/api\.web1on1\.chat\/v2\/contacts/);
    assert.match(safe, /'http:\/\/crm\.autodealer-sync\.nl\/api\/v3'/, 'a host nobody vouched for keeps http on save');
    assert.match(safe, /'http:\/\/93\.184\.12\.40\/hooks\/lead'/);

    const listed = check("const openai = require('axios').create({ baseURL: 'http://api.openai.com/v1' });\nmodule.exports = openai;\n").find((f) => f.ruleId === 'insecure-transport')!;
    assert.equal(listed.fixes[0]!.safe, true, 'api.openai.com is in rules/data/https-hosts.json');
    const subdomain = check("module.exports = { apiUrl: 'http://sheets.googleapis.com/v4/spreadsheets' };\n").find((f) => f.ruleId === 'insecure-transport')!;
    assert.equal(subdomain.fixes[0]!.safe, true, '*.googleapis.com covers its subdomains');
  });

  it('eval of chat text gets no JSON.parse rewrite: a message is prose, not JSON', () => {
    const path = join(REPO, 'rules/code/dynamic-code-execution/cases/calculator-bot.js').replace(/\\/g, '/');
    const evalOfMessage = runFixture(path).findings.find((f) => f.ruleId === 'dynamic-code-execution' && /chat message/.test(f.message))!;
    assert.ok(evalOfMessage, 'the calculator bot evaluates a chat message');
    assert.equal(evalOfMessage.fixes.length, 0);
  });
});

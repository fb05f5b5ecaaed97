// The listing preview's model: scopes in a dealer's words with their personal-data class, links shown
// as text with their form problems, and a checklist by clause in the compliance report's own statuses.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLAUSE_IDS } from '../../rules/src/clauses';
import { SCOPES } from '../../rules/src/data';
import { relativePath } from '../../rules/src/node/load-project';
import { buildComplianceReport } from '../../rules/src/report/compliance';
import { runEngine } from '../../server/shared/run-engine';
import { TOOL_VERSION } from '../../server/shared/version';
import { buildListingModel } from '../../server/lsp/listing/model';
import { appScopes } from '../../server/lsp/scopes';
import { scopeWords } from '../../server/lsp/listing/words';
import type { ListingModel } from '../../server/lsp/protocol';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const XSS = '<img src=x onerror=alert(1)>';
const NOW = new Date('2026-03-02T12:00:00');

function modelFor(manifest: unknown, files: Record<string, string> = {}): ListingModel {
  const dir = mkdtempSync(join(tmpdir(), 'policy-lens-listing-')).replace(/\\/g, '/');
  dirs.push(dir);
  writeFileSync(join(dir, 'web1on1-app.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bot', dependencies: { chipchat: '^0.7.4' } }));
  for (const [f, t] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), t);
  }
  const { result, engine } = runEngine([], { cwd: dir, now: NOW });
  const rel = (p: string) => relativePath(dir, p);
  const report = buildComplianceReport({ result, rules: engine.rules, toolVersion: TOOL_VERSION, now: NOW, relative: rel });
  const app = result.apps[0]!;
  const texts = new Map([...result.facts.keys()].map((f) => [f, readFileSync(f, 'utf8')]));
  const scopes = appScopes(app.manifestPath, { result, files: texts });
  return buildListingModel({ app, manifestUri: `file://${dir}/web1on1-app.json`, report, findings: result.findings.filter((f) => !f.suppression), relative: rel, toUri: (p) => `file://${p}`, impact: { state: 'off', reason: 'test' }, checkedAt: NOW, scopes });
}

const MANIFEST = {
  name: 'Workshop Reminder Bot',
  version: '0.3.0',
  description: XSS,
  developer: { name: 'Garage Tools B.V.', email: 'dev@garagetools.nl', url: 'https://garagetools.nl' },
  listing: { marketplace: 'botstore', category: 'Aftersales', shortDescription: 'Reminders that book themselves.', icon: 'media/icon.png' },
  tokenRole: 'bot',
  scopes: [{ scope: 'contacts:read', reason: 'Greet the customer by name' }, 'users:read', { scope: 'made:up', reason: 'x' }],
  privacyPolicyUrl: 'http://garagetools.nl/privacy',
  support: { email: 'support@garagetools.nl', url: 'https://garagetools.nl/support', docsUrl: 'https://garagetools.nl/docs' },
  securityContact: 'security@garagetools.nl',
  dataProtection: { personalData: ['contact.name'], lawfulBasis: 'contract', retentionDays: 90, thirdParties: [{ name: 'Twilio', purpose: 'SMS fallback', host: 'api.twilio.com' }] },
};

describe('scope words', () => {
  it('turns every catalog scope into plain words without the "This app will be able to" lead-in', () => {
    assert.deepEqual(scopeWords('contacts:read'), { text: 'read your contacts (consumers’ names, phone numbers and e-mail addresses)', personalData: 'consumer', personalDataText: 'consumers’ personal data', known: true });
    for (const s of SCOPES) {
      const w = scopeWords(s.scope);
      assert.doesNotMatch(w.text, /^this app/i, s.scope);
      assert.match(w.text, /^[a-z]/, `${s.scope} reads on from "The app will be able to"`);
      assert.equal(w.personalData, s.personalData);
    }
    assert.equal(scopeWords('users:read').personalDataText, 'your staff’s personal data');
    assert.equal(scopeWords('bots:self').personalDataText, 'credentials and secrets');
    assert.equal(scopeWords('kb:read').personalDataText, 'no personal data');
  });

  it('names an unknown scope as unknown instead of guessing', () => {
    const w = scopeWords('made:up');
    assert.equal(w.known, false);
    assert.equal(w.personalData, 'unknown');
    assert.match(w.text, /made:up .*does not know/);
  });
});

describe('listing model', () => {
  const m = modelFor(MANIFEST);

  it('carries the listing texts as data, the XSS payload verbatim (escaping is the renderer’s job)', () => {
    assert.equal(m.name, 'Workshop Reminder Bot');
    assert.equal(m.description, XSS);
    assert.equal(m.marketplace, 'Bot Store');
    assert.equal(m.category, 'Aftersales');
    assert.equal(m.icon, 'media/icon.png');
    assert.deepEqual(m.developer, { name: 'Garage Tools B.V.', email: 'dev@garagetools.nl', url: 'https://garagetools.nl' });
    assert.equal(m.manifestPath, 'web1on1-app.json');
  });

  it('lists what the app can do, in order, with reasons and classes', () => {
    assert.deepEqual(m.abilities.map((a) => [a.scope, a.personalData, a.reason]), [
      ['contacts:read', 'consumer', 'Greet the customer by name'],
      ['users:read', 'staff', undefined],
      ['made:up', 'unknown', 'x'],
    ]);
  });

  it('shows links as text; only usable ones get a target, and the form problem is named', () => {
    const byLabel = Object.fromEntries(m.links.map((l) => [l.label, l]));
    assert.deepEqual(byLabel['Privacy policy'], { label: 'Privacy policy', value: 'http://garagetools.nl/privacy', href: undefined, problem: 'not https (http)' });
    assert.equal(byLabel['Support e-mail']!.href, 'mailto:support@garagetools.nl');
    assert.equal(byLabel['Documentation']!.href, 'https://garagetools.nl/docs');
    assert.equal(byLabel['Security contact']!.href, 'mailto:security@garagetools.nl');
    assert.equal(byLabel['Terms of service']!.problem, 'missing');
    for (const l of m.links) assert.ok(!l.href || /^(https|mailto):/.test(l.href), l.href);
  });

  it('shows a link of the wrong type as written, as "not a string", without a target', () => {
    const links = Object.fromEntries(modelFor({ ...MANIFEST, privacyPolicyUrl: 42, support: { email: ['a@b.nl'] }, securityContact: null }).links.map((l) => [l.label, l]));
    assert.deepEqual(links['Privacy policy'], { label: 'Privacy policy', value: '42', href: undefined, problem: 'not a string' });
    assert.deepEqual(links['Support e-mail'], { label: 'Support e-mail', value: '["a@b.nl"]', href: undefined, problem: 'not a string' });
    assert.deepEqual(links['Security contact'], { label: 'Security contact', value: '', href: undefined, problem: 'missing' });
  });

  it('has one checklist item per clause in the report’s statuses, never "passed"', () => {
    assert.deepEqual(m.checklist.map((c) => c.clause), [...CLAUSE_IDS]);
    const words = new Set(['findings', 'no findings', 'attested', 'not attested', 'not applicable']);
    for (const c of m.checklist) {
      for (const w of c.status.split(' + ')) assert.ok(words.has(w), `${c.clause}: "${c.status}"`);
      assert.doesNotMatch(`${c.status} ${c.detail}`, /pass/i);
    }
    const a5 = m.checklist.find((c) => c.clause === 'A.5')!;
    assert.equal(a5.tone, 'findings', 'the http privacy policy is an A.5 finding');
    assert.ok(a5.findings.some((f) => /privacy/i.test(f.message) && f.where.startsWith('web1on1-app.json:')));
    const a1 = m.checklist.find((c) => c.clause === 'A.1')!;
    assert.equal(a1.status, 'not attested');
    assert.equal(a1.tone, 'open');
    assert.equal(m.summary.findings, m.checklist.filter((c) => c.tone === 'findings').length);
    assert.ok(m.summary.notAttested >= 6);
  });

  it('an attested clause reads "attested" with who and when', () => {
    const att = modelFor({ ...MANIFEST, compliance: { attestations: { 'A.1': { statement: 'GDPR review', by: 'J. Jansen', date: '2026-02-01' } } } });
    const a1 = att.checklist.find((c) => c.clause === 'A.1')!;
    assert.equal(a1.status, 'attested');
    assert.equal(a1.tone, 'quiet');
    assert.match(a1.detail, /GDPR review, by J\. Jansen, 2026-02-01/);
  });

  it('a half-typed manifest shows what could be read, with a notice; one that is no object says so', () => {
    const half = modelFor('{ "name": "Half", "scopes": ["kb:read", ');
    assert.equal(half.name, 'Half');
    assert.deepEqual(half.abilities.map((a) => a.scope), ['kb:read']);
    assert.match(half.notice ?? '', /JSON error/);
    const bad = modelFor('[1, 2]');
    assert.match(bad.problem ?? '', /not a JSON object/);
    assert.deepEqual(bad.abilities, []);
    assert.equal(bad.checklist.length, CLAUSE_IDS.length, 'the checklist still shows');
  });
});

describe('listing model: what the code was seen to do', () => {
  const BOT = `const ChipChat = require('chipchat');
const loadModules = require('@garage/bot-modules');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

bot.on('message.create.contact.chat', async (message, conversation) => {
  await conversation.say({ text: 'Thanks! A colleague will get back to you.', role: 'agent' });
});
`;
  const scopes = [
    { scope: 'messages:read', reason: 'Receive the question' },
    { scope: 'messages:consumer', reason: 'Answer the customer' },
    { scope: 'contacts:read', reason: 'Look up the customer' },
  ];
  const app = { name: 'Module Bot', version: '1.0.0', tokenRole: 'bot', scopes, webhook: { url: 'https://bots.example.nl/hook', events: ['message.create.contact.chat'] } };

  it('every path followed: each scope says whether the code was seen using it, and the note claims no more', () => {
    const m = modelFor(app, { 'src/index.js': BOT });
    assert.equal(m.codeEvidence?.complete, true);
    assert.deepEqual(m.codeEvidence?.lost, []);
    const use = Object.fromEntries(m.abilities.map((a) => [a.scope, a.codeUse]));
    assert.deepEqual(use['messages:consumer'], { state: 'used', text: 'Seen in the code: src/index.js:7' });
    assert.deepEqual(use['contacts:read'], { state: 'unused', text: 'Not seen in the code: no call or event of the app needs it' });
  });

  it('the instance handed to code out of sight: says what is known, that the rest could not be determined, and where', () => {
    const m = modelFor(app, { 'src/index.js': `${BOT}\nloadModules(bot, ['test-drive']);\n` });
    const e = m.codeEvidence!;
    assert.equal(e.complete, false);
    assert.match(e.text, /^What the app does with your data and messages could be determined only in part: the SDK instance is passed to `loadModules`, which Policy Lens cannot follow \(src\/index\.js:10\)\. /);
    assert.match(e.text, /the rest could not be determined/);
    assert.match(e.text, /may do more than this list says/);
    assert.deepEqual(e.lost.map((l) => [l.where, l.uri, l.range.start.line]), [['src/index.js:10', `file://${m.manifestUri.slice('file://'.length, -'/web1on1-app.json'.length)}/src/index.js`, 9]]);
    const use = Object.fromEntries(m.abilities.map((a) => [a.scope, a.codeUse]));
    assert.equal(use['messages:consumer']?.state, 'used', 'what was seen stays seen');
    assert.deepEqual(use['contacts:read'], { state: 'cannot-tell', text: 'Not seen in the code, and whether the app uses it could not be determined' });
    for (const a of m.abilities) assert.doesNotMatch(a.codeUse?.text ?? '', /no call or event|never/, `${a.scope} claims no certainty the evidence lacks`);
  });

  it('a bot that posts internal messages and hands its instance off is never said to "only" post internal messages', () => {
    const internal = `const ChipChat = require('chipchat');
const plugins = require('dealer-bot-plugins');
const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });
bot.on('conversation.create', async (payload) => {
  await bot.send(payload.data.conversation.id, { text: 'New lead', isBackchannel: true });
});
`;
    const manifest = { name: 'Lead Router', version: '1.0.0', tokenRole: 'bot', scopes: [{ scope: 'conversations:read', reason: 'New leads' }, { scope: 'messages:consumer', reason: 'Talk to the customer' }], webhook: { url: 'https://bots.example.nl/hook', events: ['conversation.create'] } };
    const all = (m: ListingModel) => JSON.stringify([m.codeEvidence, m.abilities, m.checklist]);
    // every path followed: the narrowing is a fair finding, and the listing shows it
    assert.match(all(modelFor(manifest, { 'src/index.js': internal })), /only posts internal messages/);
    const lost = modelFor(manifest, { 'src/index.js': `${internal}plugins.install(bot);\n` });
    assert.doesNotMatch(all(lost), /only posts internal messages/);
    assert.equal(lost.codeEvidence?.complete, false);
  });

  it('a name the catalog does not know gets no claim about the code; a manifest that cannot be read gets no note', () => {
    const m = modelFor(MANIFEST);
    assert.equal(m.abilities.find((a) => a.scope === 'made:up')?.codeUse, undefined);
    assert.equal(modelFor('[1, 2]').codeEvidence, undefined);
  });
});

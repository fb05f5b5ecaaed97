// Manifest fixes touch only what they change (rules/src/manifest/minimal-edits.ts), and the first manifest
// generated for an app without one (initial-manifest.ts, shared by manifest-missing and `policy-lens init`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../rules/src/engine';
import { applyEdits } from '../../rules/src/fixes/apply';
import { JsonDocument } from '../../rules/src/manifest/json-document';
import { buildInitialManifest } from '../../rules/src/manifest/initial-manifest';
import { addRootProperty, appendArrayItems, removeArrayItem, replaceValue } from '../../rules/src/manifest/minimal-edits';
import type { FileEdit } from '../../rules/src/types';

const doc = (text: string) => new JsonDocument('/app/web1on1-app.json', text);
const apply = (text: string, edits: FileEdit[]) => applyEdits(text, edits);

const ONE_LINE_ENTRIES = `{
  "name": "Reminder Bot",
  "developer": { "name": "Acme", "url": "https://acme-dealertools.nl" },
  "scopes": [
    { "scope": "contacts:read", "reason": "Greet by name" },
    { "scope": "forms:read", "reason": "Show the form" },
    { "scope": "messages:read", "reason": "Receive answers" }
  ]
}
`;

describe('minimal manifest edits', () => {
  it('removes a middle entry and nothing else', () => {
    const d = doc(ONE_LINE_ENTRIES);
    assert.equal(apply(d.text, removeArrayItem(d, '/scopes/1')), ONE_LINE_ENTRIES.replace('    { "scope": "forms:read", "reason": "Show the form" },\n', ''));
  });

  it('removes the last entry with its separator, keeping the one-line entry before it', () => {
    const d = doc(ONE_LINE_ENTRIES);
    const expected = ONE_LINE_ENTRIES.replace(',\n    { "scope": "messages:read", "reason": "Receive answers" }', '');
    assert.equal(apply(d.text, removeArrayItem(d, '/scopes/2')), expected);
  });

  it('removes the only entry of a one-line array', () => {
    const d = doc('{ "scopes": ["kb:read"], "name": "x" }');
    assert.equal(apply(d.text, removeArrayItem(d, '/scopes/0')), '{ "scopes": [], "name": "x" }');
  });

  it('appends in the style of the entries already there', () => {
    const d = doc(ONE_LINE_ENTRIES);
    const out = apply(d.text, appendArrayItems(d, '/scopes', [{ scope: 'messages:consumer', reason: 'TODO' }]));
    assert.equal(out, ONE_LINE_ENTRIES.replace('"Receive answers" }\n', '"Receive answers" },\n    { "scope": "messages:consumer", "reason": "TODO" }\n'));
  });

  it('appends expanded objects after expanded ones, with tabs when the file uses tabs', () => {
    const text = '{\n\t"scopes": [\n\t\t{\n\t\t\t"scope": "contacts:read",\n\t\t\t"reason": "r"\n\t\t}\n\t]\n}';
    const d = doc(text);
    const out = apply(text, appendArrayItems(d, '/scopes', [{ scope: 'kb:read', reason: 'TODO' }]));
    assert.equal(out, '{\n\t"scopes": [\n\t\t{\n\t\t\t"scope": "contacts:read",\n\t\t\t"reason": "r"\n\t\t},\n\t\t{\n\t\t\t"scope": "kb:read",\n\t\t\t"reason": "TODO"\n\t\t}\n\t]\n}');
  });

  it('fills an empty array and keeps CRLF line ends', () => {
    const text = '{\r\n  "name": "x",\r\n  "scopes": []\r\n}\r\n';
    const d = doc(text);
    const out = apply(text, appendArrayItems(d, '/scopes', [{ scope: 'a:read', reason: 'r' }, { scope: 'b:read', reason: 'r' }]));
    assert.equal(out, '{\r\n  "name": "x",\r\n  "scopes": [\r\n    { "scope": "a:read", "reason": "r" },\r\n    { "scope": "b:read", "reason": "r" }\r\n  ]\r\n}\r\n');
    assert.deepEqual(JSON.parse(out).scopes.map((s: { scope: string }) => s.scope), ['a:read', 'b:read']);
  });

  it('adds a property after the last one without touching a one-line object before it', () => {
    const text = '{\n  "name": "x",\n  "developer": { "name": "Acme" }\n}\n';
    const d = doc(text);
    const out = apply(text, addRootProperty(d, 'scopes', [{ scope: 'kb:read', reason: 'TODO' }]));
    assert.equal(out, '{\n  "name": "x",\n  "developer": { "name": "Acme" },\n  "scopes": [\n    { "scope": "kb:read", "reason": "TODO" }\n  ]\n}\n');
  });

  it('replaces a value in place', () => {
    const text = '{ "tokenRole": "admin", "scopes": ["contacts:write"] }';
    const d = doc(text);
    assert.equal(apply(text, [...replaceValue(d, '/tokenRole', 'bot'), ...replaceValue(d, '/scopes/0', 'contacts:read')]), '{ "tokenRole": "bot", "scopes": ["contacts:read"] }');
  });
});

describe('buildInitialManifest', () => {
  const run = (files: Record<string, string>) => new Engine([]).run({ root: '/app', files: new Map(Object.entries(files)), now: new Date('2026-11-29T12:00:00') });

  it('names the app from package.json and lists the scopes the code needs with TODO reasons', () => {
    const r = run({
      '/app/package.json': JSON.stringify({ name: '@acme/test-drive-bot', version: '2.0.0', description: 'Books test drives.', dependencies: { chipchat: '^0.7.4' } }),
      '/app/bot.js': `const ChipChat = require('chipchat');
const bot = new ChipChat({ token: process.env.TOKEN });
bot.on('message.create.contact.chat', async (message, conversation) => {
  const contact = await bot.contacts.get(conversation.contact);
  await conversation.say({ text: \`Hi \${contact.givenName}\`, role: 'agent' });
  await conversation.say({ text: 'New test drive request', isBackchannel: true });
});
`,
    });
    const app = r.apps.find((a) => a.root === '/app');
    assert.ok(app && !app.hasManifest, 'a folder whose package.json depends on chipchat is an app without a manifest');
    const index = { files: new Map([...r.facts].filter(([f]) => f.startsWith('/app/'))) };
    const text = buildInitialManifest(app, index, { name: '@acme/test-drive-bot', version: '2.0.0', description: 'Books test drives.' });
    const m = JSON.parse(text);
    assert.equal(m.name, 'Test Drive Bot');
    assert.equal(m.version, '2.0.0');
    assert.equal(m.description, 'Books test drives.');
    assert.equal(m.tokenRole, 'bot');
    // messages:write is left out: messages:consumer covers it
    assert.deepEqual(m.scopes, ['contacts:read', 'messages:read', 'messages:consumer'].map((scope) => ({ scope, reason: 'TODO: why the app needs this' })));
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.includes('\n    { "scope": "contacts:read", "reason": "TODO: why the app needs this" },\n'), 'one scope entry per line');
    // the handled event is subscribed; the URL is left for the developer (webhook-insecure flags it until filled)
    assert.deepEqual(m.webhook, { url: '', events: ['message.create.contact.chat'] });
  });

  it('asks for an admin token only when the code needs what a bot user cannot do', () => {
    const r = run({
      '/app/package.json': '{ "name": "staff-sync", "dependencies": { "chipchat": "^0.7.4" } }',
      '/app/sync.js': `const Bot = require('chipchat');
const bot = new Bot({ token: process.env.TOKEN });
module.exports = (id) => bot.users.update(id, { role: 'agent' });
`,
    });
    const m = JSON.parse(buildInitialManifest(r.apps[0]!, { files: r.facts }, { name: 'staff-sync' }));
    assert.equal(m.tokenRole, 'admin');
    assert.equal(m.version, '0.1.0');
    assert.deepEqual(m.scopes.map((s: { scope: string }) => s.scope), ['users:write']);
  });

  it('writes an empty scopes array when the code needs none', () => {
    const r = run({ '/app/package.json': '{ "name": "idle", "dependencies": { "chipchat": "^0.7.4" } }', '/app/index.js': 'module.exports = 1;\n' });
    const m = JSON.parse(buildInitialManifest(r.apps[0]!, { files: r.facts }, undefined));
    assert.deepEqual(m.scopes, []);
    assert.equal(m.webhook, undefined, 'no handler, no webhook');
  });
});

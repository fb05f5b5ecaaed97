// The scope facts the least-privilege rules stand on: REST paths to scopes (restScope), scope uses found
// in small SDK and REST snippets, a client created in another module, and the catalog against the SDK.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { API } from '../../rules/src/data';
import { Engine } from '../../rules/src/engine';
import { collectFacts, restScope, type FileFacts } from '../../rules/src/model/facts';
import { FileModel } from '../../rules/src/model/file-model';
import { PersonalDataModel } from '../../rules/src/model/personal-data';
import { HOLE } from '../../rules/src/model/values';
import { parseCode } from '../../rules/src/parse';
import { REPO } from '../support/rule-folders';

const API_URL = 'https://api.web1on1.chat';

function factsOf(code: string, file = '/app/bot.js'): FileFacts {
  const parsed = parseCode(file, code);
  assert.ok(parsed.ok);
  const model = new FileModel(file, code, parsed.sourceFile, { sdkModules: ['chipchat'] }, []);
  return collectFacts(model, () => new PersonalDataModel(model));
}

const scopesOf = (f: FileFacts) => f.scopeUses.map((u) => u.scope);

describe('restScope', () => {
  const cases: [string, string, ReturnType<typeof restScope>][] = [
    ['GET', `${API_URL}/v2/contacts`, { scope: 'contacts:read', resource: 'contacts' }],
    ['GET', `${API_URL}/v2/contacts?limit=5&sort=-createdAt`, { scope: 'contacts:read', resource: 'contacts' }],
    ['POST', `${API_URL}/v2/contacts`, { scope: 'contacts:write', resource: 'contacts' }],
    ['DELETE', `${API_URL}/v2/contacts/${HOLE}`, { scope: 'contacts:delete', resource: 'contacts' }],
    ['POST', `${API_URL}/v2/conversations/${HOLE}/messages`, { scope: 'messages:write', resource: 'messages' }],
    ['PATCH', `${API_URL}/v2/conversations/${HOLE}`, { scope: 'conversations:write', resource: 'conversations' }],
    ['PUT', `${API_URL}/v2/messages/5f1`, { scope: 'messages:edit', resource: 'messages' }],
    ['DELETE', `${API_URL}/v2/messages/5f1`, { scope: 'messages:delete', resource: 'messages' }],
    ['GET', `${API_URL}/v2/kbitems`, { scope: 'kb:read', resource: 'kbitems' }],
    ['DELETE', `${API_URL}/v2/orggroups/7`, { scope: 'organizations:write', resource: 'orggroups' }],
    ['GET', `${API_URL}/v2/bots/${HOLE}`, { scope: 'bots:self', resource: 'bots' }],
    ['POST', `${API_URL}/v2/botinstances`, { scope: 'bots:write', resource: 'botinstances' }],
    ['GET', '/v2/users', { scope: 'users:read', resource: 'users' }],
    ['GET', 'https://api.chatshipper.com/v2/forms', { scope: 'forms:read', resource: 'forms' }],
    ['GET', `${API_URL}/v2/partners`, { unknown: 'partners' }],
    ['POST', `${API_URL}/v2/metrics`, { unknown: 'POST metrics' }],
    ['GET', `${API_URL}/v2/usergroups`, { unknown: 'usergroups' }],
    ['GET', `${API_URL}/v2/${HOLE}`, {}],
    ['GET', `${API_URL}/health`, {}],
  ];
  for (const [method, url, expected] of cases) {
    it(`${method} ${url.replace(API_URL, '').replaceAll(HOLE, '{id}')}`, () => assert.deepEqual(restScope(method, url), expected));
  }

  it('the password grant is never needed by an app', () => {
    assert.match(restScope('POST', `${API_URL}/v2/auth/token`).never ?? '', /password grant/);
  });
});

describe('scope uses in snippets', () => {
  it('bot.contacts.list() needs contacts:read', () => {
    const f = factsOf(`const ChipChat = require('chipchat');
const bot = new ChipChat({ token: process.env.TOKEN });
bot.contacts.list({ limit: 5 }).then((c) => c);
`);
    assert.deepEqual(f.scopeUses.map((u) => [u.scope, u.evidence]), [['contacts:read', 'bot.contacts.list()']]);
  });

  it('an alias of the default export and any instance name count', () => {
    const f = factsOf(`import Sdk from 'chipchat';
const dealerBot = new Sdk({ token: process.env.TOKEN });
export const remove = (id) => dealerBot.contacts.delete(id);
`, '/app/bot.mjs');
    assert.deepEqual(scopesOf(f), ['contacts:delete']);
  });

  it("populate: 'results' reads form results: results:read", () => {
    const f = factsOf(`const ChipChat = require('chipchat');
const bot = new ChipChat({ token: process.env.TOKEN });
const withResults = { populate: ['contact', 'results'] };
async function lead(id) {
  const a = await bot.conversations.get(id, { populate: 'contact results' });
  const b = await bot.conversations.list({ status: 'closed', limit: 10, ...withResults });
  const c = await bot.conversations.get(id, withResults);
  const d = await bot.conversations.get(id, { populate: 'contact' });
  return [a, b, c, d];
}
`);
    assert.deepEqual(scopesOf(f), ['conversations:read', 'results:read', 'conversations:read', 'conversations:read', 'results:read', 'conversations:read']);
  });

  it("ctx.say({ role: 'agent' }) reaches the consumer: messages:consumer", () => {
    const f = factsOf(`const ChipChat = require('chipchat');
const bot = new ChipChat({ token: process.env.TOKEN });
bot.on('message.create.contact.chat', (message, ctx) => {
  ctx.say({ text: 'Thanks, an advisor will call you back today.', role: 'agent' });
});
`);
    assert.deepEqual(scopesOf(f), ['messages:read', 'messages:consumer']);
  });

  it('a message whose audience is unknown needs messages:write, with a note', () => {
    const f = factsOf(`const ChipChat = require('chipchat');
const bot = new ChipChat({ token: process.env.TOKEN });
bot.on('conversation.update', (payload, ctx) => ctx.say('Status changed'));
`);
    const say = f.scopeUses.find((u) => u.evidence.startsWith('ctx.say'));
    assert.equal(say?.scope, 'messages:write');
    assert.match(say?.note ?? '', /messages:consumer/);
  });

  it('backchannel messages and commands stay internal', () => {
    const f = factsOf(`const ChipChat = require('chipchat');
const bot = new ChipChat({ token: process.env.TOKEN });
bot.on('message.create.contact.chat', (message, ctx) => {
  ctx.say({ text: 'Lead looks hot', isBackchannel: true });
  bot.send(ctx.conversation.id, { text: '/notify #sales', type: 'command' });
  ctx.accept();
});
`);
    assert.deepEqual(scopesOf(f), ['messages:read', 'messages:write', 'conversations:route', 'conversations:participate']);
    assert.equal(f.scopeUses.find((u) => u.scope === 'messages:write')?.note, undefined);
  });

  it('POST /v2/conversations/{id}/messages needs messages:write', () => {
    const f = factsOf(`async function post(id, text) {
  await fetch(\`https://api.web1on1.chat/v2/conversations/\${id}/messages\`, { method: 'POST', body: JSON.stringify({ text }) });
}
`);
    assert.deepEqual(f.scopeUses.map((u) => [u.scope, u.evidence]), [['messages:write', 'POST /v2/conversations/{}/messages']]);
    assert.match(f.scopeUses[0]!.note ?? '', /consumer/);
  });

  it("axios.create({ baseURL: 'https://api.web1on1.chat' }) then api.get('/v2/contacts') needs contacts:read", () => {
    const f = factsOf(`const axios = require('axios');
const api = axios.create({ baseURL: 'https://api.web1on1.chat', timeout: 5000 });
async function contacts() {
  const { data } = await api.get('/v2/contacts', { params: { limit: 10 } });
  return data;
}
`);
    assert.deepEqual(f.scopeUses.map((u) => [u.scope, u.evidence]), [['contacts:read', 'GET /v2/contacts']]);
  });

  it('the same relative call on a client of another host needs nothing', () => {
    const f = factsOf(`const axios = require('axios');
const crm = axios.create({ baseURL: 'https://crm.acme-dealertools.nl' });
crm.get('/v2/contacts');
`);
    assert.deepEqual(f.scopeUses, []);
  });

  it('a client created in another module and imported counts (project index, second pass)', () => {
    const files = new Map([
      ['/app/lib/web1on1.js', `const axios = require('axios');
const client = axios.create({ baseURL: 'https://api.web1on1.chat' });
module.exports = client;
`],
      ['/app/sync.js', `const web1on1 = require('./lib/web1on1');
async function conversations() {
  return (await web1on1.get('/v2/conversations', { params: { status: 'open' } })).data;
}
module.exports = { conversations };
`],
      ['/app/web1on1-app.json', '{ "name": "Sync" }'],
    ]);
    const run = (f: Map<string, string>) => new Engine([]).run({ root: '/app', files: f, now: new Date('2026-11-29T12:00:00') });
    const withClient = run(files).facts.get('/app/sync.js');
    assert.deepEqual(withClient?.scopeUses.map((u) => [u.scope, u.evidence]), [['conversations:read', 'GET /v2/conversations']]);
    // without the module that creates the client, the relative path says nothing
    const alone = new Map([...files].filter(([p]) => p !== '/app/lib/web1on1.js'));
    assert.deepEqual(run(alone).facts.get('/app/sync.js')?.scopeUses, []);
  });
});

describe('scope catalog against the SDK', () => {
  it('every chipchat RESOURCES entry is in api-calls.json resources or notInCatalog', () => {
    const client = readFileSync(join(REPO, 'node_modules', 'chipchat', 'lib', 'client.js'), 'utf8');
    const m = /const RESOURCES = \[([^\]]{0,4000})\]/.exec(client);
    assert.ok(m, 'chipchat lib/client.js has no RESOURCES array any more: update this test');
    const withoutComments = m[1]!.replace(/\/\/[^\n]*/g, '').replace(/\/\*[^]*?\*\//g, '');
    const resources = [...withoutComments.matchAll(/'([a-z]+)'/g)].map((x) => x[1]!);
    assert.ok(resources.length >= 20 && resources.includes('contacts'), `parsed ${resources.join(', ')}`);
    const missing = resources.filter((r) => !(r in API.resources) && !API.notInCatalog.includes(r));
    assert.deepEqual(missing, [], 'add these SDK resources to rules/data/api-calls.json (resources or notInCatalog)');
  });

  it('every resource method the SDK offers maps to an HTTP method in the catalog', () => {
    for (const m of ['list', 'get', 'create', 'update', 'delete', 'replace']) assert.ok(API.sdkMethods[m], `sdkMethods lacks ${m}`);
  });
});

// The value-tracking layer (rules/src/model/tracking): what expressions hold, keyed by declaration, and where
// an SDK instance or a Web1on1 API client escapes what it can follow (FileFacts.evidenceLost), or does not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import { collectFacts, type FileFacts } from '../../rules/src/model/facts';
import { FileModel, type FileHints } from '../../rules/src/model/file-model';
import { PersonalDataModel } from '../../rules/src/model/personal-data';
import { SdkModel } from '../../rules/src/model/sdk';
import { ts } from '../../rules/src/ts';
import { parseCode } from '../../rules/src/parse';

function modelOf(code: string, file = '/app/bot.js', hints: FileHints = {}): FileModel {
  const parsed = parseCode(file, code);
  assert.ok(parsed.ok);
  return new FileModel(file, code, parsed.sourceFile, { sdkModules: ['chipchat'], hints }, []);
}

function factsOf(code: string, file = '/app/bot.js', hints: FileHints = {}): FileFacts {
  const model = modelOf(code, file, hints);
  return collectFacts(model, () => new PersonalDataModel(model));
}

const scopesOf = (f: FileFacts) => [...new Set(f.scopeUses.map((u) => u.scope))].sort();
const lostOf = (f: FileFacts) => f.evidenceLost.map((l) => l.what);

/** The kinds of value the expression `marker(expr)` holds. */
function kindsAt(code: string, file = '/app/bot.js'): string[] {
  const model = modelOf(code, file);
  const call = model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression).find((c) => ts.isIdentifier(c.expression) && c.expression.text === 'marker');
  assert.ok(call, 'the snippet has a marker(…) call');
  return model.tracker.valuesOf(call.arguments[0]).map((v) => v.kind).sort();
}

const SDK = `const ChipChat = require('chipchat');\n`;
const NOW = new Date('2026-12-01T12:00:00');

describe('value tracking: what an expression holds', () => {
  it('keys facts by declaration: two functions with a `bot` parameter do not mix', () => {
    const code = `${SDK}
      function withSdk(bot) { return bot.contacts.list(); }
      function withSlack(bot) { return bot.users.list(); }
      withSdk(new ChipChat({ token: 't' }));
      withSlack(require('slack').client);`;
    assert.deepEqual(scopesOf(factsOf(code)), ['contacts:read']);
  });

  it('a name shadowed in an inner scope is another variable', () => {
    assert.deepEqual(kindsAt(`${SDK} const bot = new ChipChat(); function f() { const bot = {}; marker(bot); }`), ['object']);
    assert.deepEqual(kindsAt(`${SDK} const bot = new ChipChat(); function f() { marker(bot); }`), ['sdk']);
  });

  it('follows factories, destructuring, object properties and spreads', () => {
    assert.deepEqual(kindsAt(`${SDK} function make() { return new ChipChat(); } marker(make());`), ['sdk']);
    assert.deepEqual(kindsAt(`${SDK} const o = { bot: new ChipChat() }; const { bot } = o; marker(bot);`), ['sdk']);
    assert.deepEqual(kindsAt(`${SDK} const o = { bot: new ChipChat() }; const p = { ...o }; marker(p.bot);`), ['sdk']);
    assert.deepEqual(kindsAt(`${SDK} const app = {}; app.bot = new ChipChat(); marker(app.bot);`), ['sdk']);
  });

  it('follows class fields, parameter properties, `this.x = param` and subclasses of the SDK', () => {
    const ts1 = `import ChipChat from 'chipchat';
      class A { constructor(private chat: ChipChat) {} run() { marker(this.chat); } }`;
    assert.deepEqual(kindsAt(ts1, '/app/a.ts'), ['sdk']);
    assert.deepEqual(kindsAt(`${SDK} class A { constructor(c) { this.c = c; } run() { marker(this.c); } } new A(new ChipChat());`), ['sdk']);
    assert.deepEqual(kindsAt(`${SDK} class A { bot = new ChipChat(); run() { marker(this.bot); } }`), ['sdk']);
    assert.deepEqual(kindsAt(`${SDK} class MyBot extends ChipChat { run() { marker(this); } }`), ['instance', 'sdk']);
  });

  it('knows SDK results, contexts and HTTP clients with their base URL', () => {
    assert.deepEqual(kindsAt(`${SDK} const bot = new ChipChat(); marker(bot.conversations.get('x'));`), ['sdk-result']);
    assert.deepEqual(kindsAt(`${SDK} const bot = new ChipChat(); marker(bot.conversation('x'));`), ['context']);
    const model = modelOf(`const axios = require('axios'); class C { http = axios.create({ baseURL: 'https://api.web1on1.chat/v2' }); run() { marker(this.http); } }`);
    const call = model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression).find((c) => ts.isIdentifier(c.expression) && c.expression.text === 'marker')!;
    assert.deepEqual(model.tracker.valuesOf(call.arguments[0]), [{ kind: 'http', client: 'axios', baseUrl: 'https://api.web1on1.chat/v2', made: true }]);
  });

  // each link of a chain once read its receiver twice (2^n), and `x.p = x.q…` assignments re-read each other
  it('long call chains and self-referencing property assignments stay linear (hang guard)', { timeout: 30_000 }, () => {
    const chain = `const s = z.object()${'.pick().optional()'.repeat(150)};\nmarker(s);`;
    assert.deepEqual(kindsAt(chain), []);
    const assigns = Array.from({ length: 150 }, (_, i) => `inst.m${i + 1} = inst.m${i}().then(inst.m${i}).x;`).join('\n');
    assert.deepEqual(kindsAt(`const inst = {};\ninst.m0 = () => inst;\n${assigns}\nmarker(inst.m150);`), []);
  });

  it('code it cannot resolve is unknown, never a crash', () => {
    assert.deepEqual(kindsAt(`marker(a.b.c(d)[e]);`), []);
    assert.deepEqual(kindsAt(`function f(x) { return f(x); } marker(f(1));`), []);
    assert.deepEqual(kindsAt(`let a = b; let b = a; marker(a);`), []);
  });
});

describe('the SDK model: passes over the calls', () => {
  /** How many times the SDK model classified a call while the model of `code` was built. */
  function classifications(code: string): { runs: number; model: FileModel } {
    const proto = SdkModel.prototype as { noteCall: (call: ts.CallExpression) => void };
    const original = proto.noteCall;
    let runs = 0;
    proto.noteCall = function (this: SdkModel, call: ts.CallExpression) {
      runs++;
      original.call(this, call);
    };
    try {
      return { model: modelOf(code), runs };
    } finally {
      proto.noteCall = original;
    }
  }

  it('classifies again only when a pass bound something: a handler registered by name, used before it is registered', () => {
    // the first pass meets `reply`'s `ctx.say` before `bot.on` binds `reply`: only the second pass sees a send
    const { model, runs } = classifications(`${SDK}const bot = new ChipChat();\nfunction reply(message, ctx) { ctx.say('Hi'); }\nbot.on('message', reply);\n`);
    assert.deepEqual(model.sdk.calls.map((c) => c.method).sort(), ['on', 'say']);
    // two passes over 3 calls: the second learnt nothing new
    assert.equal(runs, 6);
  });

  it('a first pass that binds nothing is the only one', () => {
    const { model, runs } = classifications(`${SDK}const bot = new ChipChat();\nbot.send('c1', { text: 'Hi' });\nbot.contacts.list();\n`);
    assert.deepEqual(model.sdk.calls.map((c) => c.kind).sort(), ['resource', 'send']);
    assert.equal(runs, 3);
  });
});

describe('value tracking: scope evidence', () => {
  it("reads a conversation's form results as results:read, and only on SDK results", () => {
    const used = `${SDK} const bot = new ChipChat(); async function f(id) { const conv = await bot.conversations.get(id, { populate: 'messages' }); return conv.results; }`;
    assert.ok(scopesOf(factsOf(used)).includes('results:read'));
    const nearMiss = `${SDK} const bot = new ChipChat(); async function f(r) { const poll = await fetch(r).then((x) => x.json()); return poll.results; }`;
    assert.ok(!scopesOf(factsOf(nearMiss)).includes('results:read'));
  });

  it('a report message with results writes form results', () => {
    const code = `${SDK} const bot = new ChipChat(); bot.on('message.create.contact.results', (m, c) => c.say({ type: 'report', text: 'Report', isBackchannel: true, results: [] }));`;
    assert.ok(scopesOf(factsOf(code)).includes('results:write'));
    assert.ok(!scopesOf(factsOf(code.replace("type: 'report', ", '').replace(', results: []', ''))).includes('results:write'));
  });

  it('an answer in a contact-message handler reaches the consumer; one in an agent-message handler may not', () => {
    const contact = `${SDK} const bot = new ChipChat(); bot.on('message.create.contact.chat', (m, c) => c.say('Thanks!'));`;
    assert.ok(scopesOf(factsOf(contact)).includes('messages:consumer'));
    const viaSend = `${SDK} const bot = new ChipChat(); bot.on('message.create.contact.chat', (m) => bot.send(m.conversation, { text: 'Thanks!' }));`;
    assert.ok(scopesOf(factsOf(viaSend)).includes('messages:consumer'));
    const agent = `${SDK} const bot = new ChipChat(); bot.on('message.create.agent.chat', (m, c) => c.say('Noted'));`;
    assert.deepEqual(scopesOf(factsOf(agent)).filter((s) => s.startsWith('messages:')), ['messages:read', 'messages:write']);
  });

  it('a wrapper around fetch is read at each of its call sites', () => {
    const code = `class Api {
        constructor(base) { this.base = base; }
        request(method, path) { return fetch(\`\${this.base}\${path}\`, { method }); }
      }
      const api = new Api('https://api.web1on1.chat/v2');
      api.request('GET', '/contacts');
      api.request('DELETE', '/forms/1');`;
    assert.deepEqual(scopesOf(factsOf(code)), ['contacts:read', 'forms:delete']);
  });

  it('a base URL from a destructured parameter default, tidied by string methods, composes URLs', () => {
    const code = `class Api {
        constructor({ root = ' https://api.web1on1.chat/v2/ ', key }) { this.root = root.trim().replace(/\\/+$/, ''); this.key = key; }
        call(verb, path) { return fetch(this.root + path, { method: verb }); }
      }
      module.exports = { Api };
      const api = new Api({ key: 1 });
      api.call('GET', '/contacts');`;
    assert.deepEqual(scopesOf(factsOf(code)), ['contacts:read']);
    // a call that passes its own root: that one is what the fetch gets
    assert.deepEqual(scopesOf(factsOf(code.replace('{ key: 1 }', "{ key: 1, root: 'https://crm.example.com' }"))), []);
  });

  it('a string method with a pattern that could backtrack badly leaves the string inexact (never run)', () => {
    const model = modelOf(`const base = 'https://api.web1on1.chat/v2'; const evil = base.replace(/(a+)+$/, ''); const tidy = base.replace(/\\/$/, '');`);
    const init = (name: string) => model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration).find((d) => d.name.getText() === name)!.initializer!;
    assert.deepEqual(model.values.string(init('evil')), { text: 'https://api.web1on1.chat/v2', exact: false, env: [] });
    assert.deepEqual(model.values.string(init('tidy')), { text: 'https://api.web1on1.chat/v2', exact: true, env: [] });
  });

  it('a string constant imported from another module composes URLs (project hints)', () => {
    const code = `import { API } from './config.mjs'; fetch(\`\${API}/contacts\`);`;
    assert.deepEqual(scopesOf(factsOf(code, '/app/sync.mjs', { importedConstants: { API: 'https://api.web1on1.chat/v2' } })), ['contacts:read']);
    assert.deepEqual(scopesOf(factsOf(code, '/app/sync.mjs')), []);
  });
});

describe('value tracking: where evidence is lost', () => {
  const cases: [string, string, RegExp][] = [
    ['a package function', `${SDK} const bot = new ChipChat(); require('plugins').install(bot);`, /the SDK instance is passed to `install`|passed to `require/],
    ['a function of unknown origin', `${SDK} const bot = new ChipChat(); loadModules(bot);`, /the SDK instance is passed to `loadModules`/],
    ['a package function, inside an object', `${SDK} const bot = new ChipChat(); require('plugins').install({ bot, prefix: '/' });`, /the SDK instance is passed to/],
    ['a package constructor', `${SDK} const bot = new ChipChat(); new Scheduler(bot);`, /passed to `new Scheduler`/],
    ['a computed member', `${SDK} const bot = new ChipChat(); const m = process.argv[2]; bot[m].list();`, /a member of the SDK instance is chosen at run time \(`bot\[m\]`\)/],
    ['a global', `${SDK} const bot = new ChipChat(); global.bot = bot;`, /stored in `global.bot`/],
    ['a computed require', `${SDK} const bot = new ChipChat(); for (const f of ['a', 'b']) require('./modules/' + f)(bot);`, /a module is loaded from a computed path/],
    ['a dynamic import', `${SDK} const bot = new ChipChat(); const name = process.env.PLUGIN; import(name).then((p) => p.default);`, /a module is loaded from a computed path/],
    ['the Web1on1 API client', `const axios = require('axios'); const api = axios.create({ baseURL: 'https://api.web1on1.chat/v2' }); require('sync-lib')(api);`, /the Web1on1 API client is passed to/],
  ];
  for (const [kind, code, what] of cases) {
    it(`an instance handed to ${kind} is an escape, named`, () => {
      const lost = lostOf(factsOf(code));
      assert.ok(lost.some((l) => what.test(l)), `expected ${what} in ${JSON.stringify(lost)}`);
    });
  }

  const harmless: [string, string][] = [
    ['console.log', `console.log('bot ready', bot);`],
    ['a logger', `logger.info({ bot });`],
    ['JSON.stringify', `const s = JSON.stringify(bot);`],
    ['assert', `const assert = require('assert'); assert.ok(bot); assert(bot);`],
    ['event wiring of its own methods', `process.on('message', bot.send.bind(bot));`],
    ['a local function', `function use(b) { return b.contacts.list(); } use(bot);`],
    ['a module of the app', `const { schedule } = require('./schedule'); schedule(bot);`],
    ['a string member', `bot['contacts'].list();`],
  ];
  for (const [kind, line] of harmless) {
    it(`${kind} is no escape`, () => {
      assert.deepEqual(lostOf(factsOf(`${SDK} const bot = new ChipChat();\n${line}`)), []);
    });
  }

  it('a computed require in a file without the SDK loses nothing', () => {
    assert.deepEqual(lostOf(factsOf(`const name = process.env.X; require(name);`)), []);
  });

  it("an instance handed to a module of the app is followed there (the engine's hints)", () => {
    const engine = new Engine(allRules);
    const files = new Map([
      ['/app/package.json', '{ "name": "a", "dependencies": { "chipchat": "^0.7.4" } }'],
      ['/app/web1on1-app.json', JSON.stringify({ name: 'A', version: '1.0.0', tokenRole: 'bot', scopes: [{ scope: 'forms:read', reason: 'x' }], webhook: { url: 'https://a.example.nl/h', events: [] } })],
      ['/app/bot.js', `${SDK} const bot = new ChipChat(); const { schedule } = require('./schedule'); schedule(bot);`],
      ['/app/schedule.js', `exports.schedule = (sdk) => sdk.forms.list();`],
    ]);
    const result = engine.run({ root: '/app', files, now: NOW });
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'scope-unused'), []);
    const facts = [...(result.facts?.values() ?? [])] as FileFacts[];
    assert.ok(facts.every((f) => f.evidenceLost.length === 0));
  });

  it("recognises the SDK package by resolution: a relative require of the package's own entry", () => {
    const engine = new Engine(allRules);
    const manifest = JSON.stringify({ name: 'A', version: '1.0.0', tokenRole: 'bot', scopes: [{ scope: 'forms:read', reason: 'x' }], webhook: { url: 'https://a.example.nl/h', events: [] } });
    const sdkPackage = new Map([
      ['/sdk/package.json', '{ "name": "chipchat", "main": "./lib/index.js" }'],
      ['/sdk/web1on1-app.json', manifest],
      ['/sdk/examples/forms.js', `const Bot = require('../lib/chipchat'); const bot = new Bot(); bot.forms.list();`],
    ]);
    const unused = (files: Map<string, string>) => engine.run({ root: '/sdk', files, now: NOW }).findings.filter((f) => f.ruleId === 'scope-unused');
    assert.deepEqual(unused(sdkPackage), []);
    // the same require in a package that is not the SDK loads the app's own module
    const other = new Map(sdkPackage);
    other.set('/sdk/package.json', '{ "name": "forms-bot", "main": "./lib/index.js" }');
    assert.equal(unused(other).length, 1);
  });
});

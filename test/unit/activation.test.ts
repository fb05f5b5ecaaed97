// The activation decision: which workspaces start Policy Lens with no command, and what the output says.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { API_HOSTS, codeUse, dependsOnSdk, shouldActivate, type WorkspaceFacts } from '../../client/src/activation/decide';
import API from '../../rules/data/api-calls.json';

const none: WorkspaceFacts = { manifests: [], configs: [], enabledHere: false, packageJsons: [], codeFiles: [] };
const pkg = (deps: Record<string, unknown>) => JSON.stringify({ name: 'bot', version: '1.0.0', ...deps }, null, 2);

describe('activation decision', () => {
  it('starts for a package.json that depends on chipchat, before npm install (no node_modules needed)', () => {
    const d = shouldActivate({ ...none, packageJsons: [{ path: 'package.json', text: pkg({ dependencies: { chipchat: '^0.7.4' } }) }] });
    assert.deepEqual(d, { start: true, why: 'package.json depends on chipchat' });
    for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) {
      assert.equal(shouldActivate({ ...none, packageJsons: [{ path: 'bots/a/package.json', text: pkg({ [field]: { chipchat: '*' } }) }] }).start, true, field);
    }
  });

  it('does not start for package.json files that only mention chipchat elsewhere, or are broken', () => {
    assert.equal(dependsOnSdk(pkg({ description: 'not chipchat', keywords: ['chipchat'], dependencies: { 'chipchat-mock': '1' } })), false);
    assert.equal(dependsOnSdk('{ "dependencies": { "chipchat": '), false);
    assert.equal(dependsOnSdk('null'), false);
    assert.equal(dependsOnSdk(pkg({ dependencies: ['chipchat'] })), false, 'an array is no dependency map');
    assert.equal(dependsOnSdk(pkg({ dependencies: { toString: '1' } })), false, 'no prototype keys');
  });

  it('starts for code that requires or imports chipchat', () => {
    for (const code of [
      "const ChipChat = require('chipchat');",
      'const ChipChat = require ( "chipchat" )',
      "import ChipChat from 'chipchat';",
      "import { Bot } from 'chipchat/lib/bot'",
      "const { default: C } = await import('chipchat')",
      "import 'chipchat';",
    ]) assert.equal(codeUse(code), 'imports chipchat', code);
    for (const code of ["require('chipchat-mock')", "// we left chipchat for now", "const chipchat = require('./chipchat.js')"]) assert.equal(codeUse(code), undefined, code);
  });

  it('starts for code that calls a Web1on1 API host, the list being the rules\' own', () => {
    assert.deepEqual(API_HOSTS, [...API.apiHosts, ...API.legacyApiHosts]);
    for (const host of API_HOSTS) assert.equal(codeUse(`fetch('https://${host}/v2/contacts')`), `calls the Web1on1 API (${host})`, host);
    assert.equal(codeUse("fetch('https://notapi.web1on1.chat.example.org/x')"), undefined, 'a host that only contains one');
    assert.equal(codeUse("fetch('https://my-api.web1on1.chat/x')"), undefined);
    assert.equal(codeUse("fetch('https://api.web1on1.chat.evil.example/x')"), undefined, 'a longer host');
    assert.equal(codeUse('// the bot talks to api.web1on1.chat.'), 'calls the Web1on1 API (api.web1on1.chat)', 'a sentence\'s full stop');
    assert.equal(codeUse('const h = "x"; const u = `https://${h}.web1on1.chat api.web1on1.chat`'), 'calls the Web1on1 API (api.web1on1.chat)', 'the second occurrence counts');
    const d = shouldActivate({ ...none, packageJsons: [{ path: 'package.json', text: pkg({}) }], codeFiles: [{ path: 'src/sync.ts', text: `const BASE = 'https://${API_HOSTS[0]}/v2';` }] });
    assert.deepEqual(d, { start: true, why: `src/sync.ts calls the Web1on1 API (${API_HOSTS[0]})` });
  });

  it('starts for a manifest, a .policylens.json, or "Enable Here", and says which', () => {
    assert.deepEqual(shouldActivate({ ...none, manifests: ['apps/crm/web1on1-app.json'] }), { start: true, why: 'apps/crm/web1on1-app.json is a Web1on1 app manifest' });
    assert.deepEqual(shouldActivate({ ...none, configs: ['.policylens.json'] }), { start: true, why: '.policylens.json configures Policy Lens' });
    assert.equal(shouldActivate({ ...none, enabledHere: true }).start, true);
  });

  it('stays off elsewhere and says what it looked at', () => {
    const d = shouldActivate({ ...none, packageJsons: [{ path: 'package.json', text: pkg({ dependencies: { express: '^5' } }) }], codeFiles: [{ path: 'index.js', text: "require('express')().listen(3000)" }] });
    assert.equal(d.start, false);
    assert.match(d.why, /no chipchat dependency, import or Web1on1 API host in 1 package\.json file\(s\) and 1 code file\(s\)/);
    assert.equal(shouldActivate(none).start, false);
  });
});

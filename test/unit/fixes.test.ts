// Applying several fixes at once: edits at one offset keep their order, shared edits apply once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import { applyEdits, collectFixEdits } from '../../rules/src/fixes/apply';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiNWYxYzJhM2I0ZDVlNmY3YTg5YjBjMWQyIiwib3JnIjoiZ2FyYWdlIn0.kX3vT1hQ9pZ2Lr8sW4yN6mB0cD5eF7gH1jK3lM9nP2q';

describe('fixes', () => {
  it('inserts at the same offset come out in the order given', () => {
    const f = '/x';
    assert.equal(applyEdits('abc', [{ file: f, start: 0, end: 0, newText: '1' }, { file: f, start: 0, end: 0, newText: '2' }, { file: f, start: 3, end: 3, newText: '!' }]), '12abc!');
  });

  it('two hard-coded credentials create one .env.example with one header and both names', () => {
    const code = `const ChipChat = require('chipchat');\nconst bot = new ChipChat({ token: '${JWT}' });\nconst refreshToken = '${JWT.replace('kX3', 'zQ9')}';\nmodule.exports = { bot, refreshToken };\n`;
    const engine = new Engine(allRules);
    const r = engine.run({ root: '/app', files: new Map([['/app/web1on1-app.json', '{ "name": "Tyre Bot" }'], ['/app/src/bot.js', code]]), now: new Date('2026-11-29T12:00:00') });
    const creds = r.findings.filter((f) => f.ruleId === 'hardcoded-credential');
    assert.equal(creds.length, 2);
    const byFile = collectFixEdits(creds);
    const env = applyEdits('', byFile.get('/app/.env.example')!);
    assert.equal(env.match(/^# Secrets/gm)?.length, 1, env);
    assert.match(env, /^TOKEN=$/m);
    assert.match(env, /^REFRESH_TOKEN=$/m);
    assert.ok(env.startsWith('# Secrets'), env);
    const fixed = applyEdits(code, byFile.get('/app/src/bot.js')!);
    assert.match(fixed, /token: process\.env\.TOKEN/);
    assert.match(fixed, /refreshToken = process\.env\.REFRESH_TOKEN/);
    assert.ok(!fixed.includes('eyJ'));
  });
});

// In-process checks behind the server's hostile-input tests: JSON with __proto__, constructor and prototype
// keys (and such names as values) pollutes nothing and gives sane findings; the loader shared with the CLI
// follows no link out of the folder it walks and opens no FIFO.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { after, describe, it } from 'node:test';
import { allRules } from '../../rules/index';
import { ConfigError, parseConfig, ruleSetting } from '../../rules/src/config';
import { Engine } from '../../rules/src/engine';
import { loadProject, toPosix } from '../../rules/src/node/load-project';

const NOW = new Date('2026-11-29T12:00:00');
const engine = new Engine(allRules);
const FIXTURE = join(__dirname, '..', 'e2e', 'workspace');
const BOT = readFileSync(join(FIXTURE, 'src', 'bot.js'), 'utf8');
const BAD = "const https = require('https');\nconst agent = new https.Agent({ rejectUnauthorized: false });\n";

function assertUnpolluted(): void {
  for (const probe of [{}, [], Object.create(Object.prototype)] as Record<string, unknown>[]) {
    assert.equal(probe.polluted, undefined);
    assert.equal(probe.scopes, undefined);
    assert.equal(probe.rules, undefined);
  }
  assert.ok(!Object.hasOwn(Object.prototype, 'polluted'));
}

const tmp = mkdtempSync(join(tmpdir(), 'policy-lens-hostile-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('JSON with prototype keys', () => {
  const manifest = `{
  "__proto__": { "polluted": "yes", "scopes": [{ "scope": "contacts:delete", "reason": "hidden" }] },
  "constructor": { "prototype": { "polluted": "yes" } },
  "prototype": { "polluted": "yes" },
  "name": "Workshop Reminder Bot", "version": "0.3.0",
  "description": "Reminds customers of their workshop appointment over WhatsApp.",
  "developer": { "name": "Garage Tools B.V.", "email": "dev@garagetools.nl", "url": "https://garagetools.nl", "__proto__": { "polluted": "yes" } },
  "tokenRole": "bot",
  "scopes": [
    { "scope": "messages:read", "reason": "Receive the customer's answer", "__proto__": { "reason": "" } },
    { "scope": "__proto__", "reason": "x" }, { "scope": "constructor", "reason": "x" }, { "scope": "toString", "reason": "x" }
  ],
  "webhook": { "url": "https://bots.garagetools.nl/web1on1", "events": ["message.create.contact.chat", "__proto__", "constructor"], "constructor": { "prototype": { "polluted": "yes" } } },
  "privacyPolicyUrl": "https://garagetools.nl/privacy",
  "support": { "email": "support@garagetools.nl", "url": "https://garagetools.nl/support", "docsUrl": "https://garagetools.nl/docs" },
  "securityContact": "security@garagetools.nl",
  "listing": { "__proto__": { "polluted": "yes" }, "toString": "x" }
}`;

  it('a manifest with them at several depths: no pollution, no rule fails, each key is named, the real findings stay', () => {
    const r = engine.run({ root: '/app', files: new Map([['/app/web1on1-app.json', manifest], ['/app/package.json', '{"name":"bot"}'], ['/app/src/bot.js', BOT]]), now: NOW });
    assertUnpolluted();
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message), [], 'no rule failed');
    const invalid = r.findings.filter((f) => f.ruleId === 'manifest-invalid').map((f) => f.pointer);
    for (const p of ['/__proto__', '/constructor', '/prototype', '/developer/__proto__', '/scopes/0/__proto__', '/webhook/constructor', '/listing/__proto__', '/webhook/events/1', '/webhook/events/2']) assert.ok(invalid.includes(p), `${p} is named: ${invalid.join(' ')}`);
    const scopes = r.findings.filter((f) => f.ruleId === 'scope-unused' || f.ruleId === 'scope-missing').map((f) => `${f.ruleId} ${f.message.match(/"([^"]+)"/)?.[1]}`);
    for (const s of ['__proto__', 'constructor', 'toString']) assert.ok(scopes.includes(`scope-unused ${s}`), `scope "${s}" is reported as unknown: ${scopes.join(', ')}`);
    assert.ok(scopes.includes('scope-missing messages:consumer'), 'the say() call still needs its scope');
    assert.ok(!scopes.some((s) => s.includes('contacts:delete')), 'the scopes under __proto__ are no scopes of the app');
  });

  it('a .policylens.json with "__proto__" at the top or among the rules is a ConfigError naming it', () => {
    const ids = engine.ruleIds;
    assert.throws(() => parseConfig('/app/.policylens.json', '{ "__proto__": { "rules": { "security-control-disabled": { "severity": "off", "reason": "hidden" } } } }', ids), (e: Error) => e instanceof ConfigError && /additional properties \("__proto__"\)/.test(e.message));
    assert.throws(() => parseConfig('/app/.policylens.json', '{ "rules": { "__proto__": { "security-control-disabled": "off" } } }', ids), (e: Error) => e instanceof ConfigError && /\/rules\/__proto__ /.test(e.message));
    assert.throws(() => parseConfig('/app/.policylens.json', '{ "rules": { "__proto__": "off" } }', ids), (e: Error) => e instanceof ConfigError && /unknown rule "__proto__"/.test(e.message));
    assert.throws(() => parseConfig('/app/.policylens.json', '{ "rules": { "constructor": "off" } }', ids), /unknown rule "constructor"/);
    assert.throws(() => parseConfig('/app/.policylens.json', '['.repeat(200_000), ids), (e: Error) => e instanceof ConfigError && /nested too deeply/.test(e.message));
    assertUnpolluted();
  });

  it('rule options with prototype keys stay plain data', () => {
    const c = parseConfig('/app/.policylens.json', '{ "rules": { "security-control-disabled": { "severity": "warning", "options": { "__proto__": { "polluted": "yes" }, "constructor": { "prototype": { "polluted": "yes" } } } } } }', engine.ruleIds);
    const s = ruleSetting(c, 'security-control-disabled', { severity: 'error', options: {} });
    assert.equal(s.severity, 'warning');
    assert.equal((s.options as { polluted?: string }).polluted, undefined);
    assertUnpolluted();
  });
});

describe('the loader (CLI and server) on a hostile folder', () => {
  it('follows no symbolic link out of the walked folder, and says which it skipped', () => {
    const root = join(tmp, 'app');
    const outside = join(tmp, 'elsewhere');
    mkdirSync(join(root, 'src'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(root, 'src', 'a.js'), BAD);
    writeFileSync(join(outside, 'leak.js'), BAD);
    symlinkSync(outside, join(root, 'src', 'out'));
    symlinkSync(join(outside, 'leak.js'), join(root, 'src', 'leak-link.js'));
    symlinkSync(join(root, 'src'), join(root, 'src-again'));
    const loaded = loadProject([root], { cwd: root, knownRuleIds: engine.ruleIds, now: NOW });
    const files = [...loaded.input.files.keys()].map((f) => f.slice(toPosix(root).length));
    assert.deepEqual(files.filter((f) => f.endsWith('.js')), ['/src/a.js'], 'the inner link to src/ is a folder already seen');
    assert.ok(!files.some((f) => /leak|\/out\//.test(f)), files.join(' '));
    assert.deepEqual(loaded.notices.filter((n) => /symbolic link to a place outside/.test(n.message)).map((n) => n.file.slice(toPosix(root).length)).sort(), ['/src/leak-link.js', '/src/out']);
  });

  it('opens no FIFO: a FIFO named web1on1-app.json or passed by name is a notice, not a wait', () => {
    const root = join(tmp, 'fifo');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'a.js'), BAD);
    execFileSync('mkfifo', [join(root, 'web1on1-app.json')]);
    execFileSync('mkfifo', [join(root, 'pipe.js')]);
    const loaded = loadProject([root, join(root, 'pipe.js')], { cwd: root, knownRuleIds: engine.ruleIds, now: NOW });
    assert.deepEqual(loaded.notices.filter((n) => /not a regular file/.test(n.message)).map((n) => n.file.slice(toPosix(root).length)).sort(), ['/pipe.js', '/web1on1-app.json']);
    assert.ok(loaded.input.files.has(toPosix(join(root, 'a.js'))));
  });

  it('turns backslashes into slashes on Windows only: elsewhere a\\..\\b is one name, no way up', () => {
    const odd = '/app/src/a\\..\\..\\etc\\passwd';
    assert.equal(toPosix(odd), sep === '\\' ? '/app/src/a/../../etc/passwd' : odd);
  });
});

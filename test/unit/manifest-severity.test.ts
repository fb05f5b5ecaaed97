// Creating web1on1-app.json (the manifest-missing quick fix) must not make a finding look worse: the
// third-party rule (A.4) keeps its severity, and without a manifest its message says what to create.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { allRules } from '../../rules/index';
import { Engine } from '../../rules/src/engine';
import type { Finding } from '../../rules/src/types';
import { FIXTURE_NOW } from '../support/run-fixture';

const BOT = "const ChipChat = require('chipchat');\nconst axios = require('axios');\nconst bot = new ChipChat({ token: process.env.TOKEN });\nbot.on('message.create.contact.chat', (message) => axios.post('https://hooks.zapier.com/hooks/catch/1/a/', { text: message.text }));\n";

function thirdParty(withManifest: boolean): Finding {
  const files = new Map([['/app/bot.js', BOT], ['/app/package.json', '{ "name": "lead-bot", "dependencies": { "chipchat": "^0.7.4" } }']]);
  if (withManifest) files.set('/app/web1on1-app.json', JSON.stringify({ name: 'Lead Bot', version: '1.0.0' }));
  const f = new Engine(allRules).run({ root: '/app', files, now: FIXTURE_NOW }).findings.find((x) => x.ruleId === 'personal-data-to-third-party');
  assert.ok(f, `a finding ${withManifest ? 'with' : 'without'} a manifest`);
  return f;
}

it('personal data to an undeclared third party has the same severity with and without a manifest', () => {
  const before = thirdParty(false);
  const after = thirdParty(true);
  assert.equal(before.severity, after.severity);
  assert.equal(after.severity, 'error');
  assert.match(before.message, /no web1on1-app\.json[^]*create one and list hooks\.zapier\.com in dataProtection\.thirdParties/);
  assert.ok(after.fixes.length > 0, 'with a manifest, the declaration is one quick fix away');
});

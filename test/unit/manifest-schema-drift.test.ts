// The committed manifest schema must equal the one generated from the field table (rules/src/manifest/spec.ts),
// with scope and event enums from rules/data and attestation keys from the clause registry. `UPDATE=1` rewrites it.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'node:test';
import Ajv from 'ajv';
import { MANIFEST_SCHEMA_PATH, manifestSchemaText } from '../../scripts/gen-manifest-schema';

it('rules/schema/web1on1-app.schema.json is generated from the field table and rules/data', () => {
  const generated = manifestSchemaText();
  if (process.env['UPDATE'] === '1') writeFileSync(MANIFEST_SCHEMA_PATH, generated);
  assert.equal(readFileSync(MANIFEST_SCHEMA_PATH, 'utf8'), generated, 'the manifest schema is out of date: run `UPDATE=1 node --import tsx --test test/unit/manifest-schema-drift.test.ts` or `npx tsx scripts/gen-manifest-schema.ts`');
});

it('the manifest schema compiles under draft-07 and accepts the example of manifest.md', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(manifestSchemaText()));
  const example = {
    name: 'Service Reminder Bot',
    version: '1.4.0',
    description: 'Sends service-appointment reminders over WhatsApp and books the slot the customer picks.',
    developer: { name: 'Acme Dealer Tools B.V.', email: 'dev@acme-dealertools.example', url: 'https://acme-dealertools.example' },
    listing: { marketplace: 'botstore', category: 'Aftersales', shortDescription: 'Service reminders that book themselves.', icon: 'media/icon.png', screenshots: ['media/screen-1.png'] },
    capabilities: ['consumer-facing'],
    tokenRole: 'bot',
    scopes: ['contacts:read', { scope: 'messages:consumer', reason: 'Send the reminder' }, 'contacts:*'],
    webhook: { url: 'https://bots.acme-dealertools.example/web1on1', events: ['message.create.contact.chat', 'contact.*', 'message.create.**'] },
    privacyPolicyUrl: 'https://acme-dealertools.example/privacy',
    support: { email: 'support@acme-dealertools.example', url: 'https://acme-dealertools.example/support', docsUrl: 'https://acme-dealertools.example/docs' },
    securityContact: 'security@acme-dealertools.example',
    dataProtection: { personalData: ['contact.name'], lawfulBasis: 'contract', retentionDays: 90, storesPersonalData: true, erasure: 'Deletes on contact.delete', thirdParties: [{ name: 'Twilio', purpose: 'SMS fallback', host: 'api.twilio.com' }] },
    compliance: { attestations: { 'A.1': { statement: 'GDPR review of data flows', by: 'J. Jansen, DPO', date: '2026-09-14' } } },
    ignore: [{ rule: 'scope-unused', pointer: '/scopes/0', reason: 'Used by a scheduled job outside this repository' }],
  };
  assert.ok(validate(example), JSON.stringify(validate.errors));
  for (const bad of [{ name: 'x', scopes: 'contacts:read' }, { name: 'x', scopes: ['contacts:reed'] }, { name: 'x', webhook: { events: ['contact.remove'] } }, { name: 'x', tokenRole: 'owner' }, {}]) {
    assert.equal(validate(bad), false, JSON.stringify(bad));
  }
});

// Data protection (personal data, lawful basis, retention, erasure, third parties) and the attestations
// for the clauses no tool can fully check.
import { fieldFor, fieldsIn, type FieldSpec } from '../../src/manifest-editor/fields';
import { at, h, idFor } from './dom';
import { field } from './field';
import { stringList } from './list';
import { findingList, findingsAt, section, type View } from './view';

const f = (v: View, pointer: string, label?: string) => field(v, fieldFor(pointer) as FieldSpec, pointer, label);

export function dataProtectionSection(v: View): HTMLElement {
  const raw = at(v.value, '/dataProtection/thirdParties');
  const parties = Array.isArray(raw) ? raw : [];
  return section('data-protection', 'Data protection', 'What personal data the app reads and stores, on which lawful basis, and how it is erased (A.4–A.8).',
    h('h3', {}, 'Personal data'),
    stringList(v, '/dataProtection/personalData', 'Personal data', { placeholder: 'contact.name' }),
    // the section's plain fields, as the manifest's field table lists them
    fieldsIn('data-protection').map((spec) => field(v, spec, spec.pointer)),
    h('h3', {}, 'Third parties'),
    h('p', { class: 'help' }, 'Every external host that receives personal data (A.4).'),
    parties.map((_, i) => {
      const p = `/dataProtection/thirdParties/${i}`;
      const name = String(at(v.value, `${p}/name`) ?? `third party ${i + 1}`);
      return h('fieldset', { class: 'third-party' },
        h('legend', {}, name),
        f(v, `${p}/name`, 'Name'), f(v, `${p}/purpose`, 'Purpose'), f(v, `${p}/host`, 'Host'),
        h('button', { type: 'button', class: 'secondary small', disabled: v.readOnly, 'aria-label': `Remove third party ${name}`, onclick: () => v.edit({ type: 'remove', pointer: p }) }, 'Remove'),
        findingList(idFor('find', p), findingsAt(v, p, true)),
      );
    }),
    h('button', { type: 'button', class: 'secondary', disabled: v.readOnly, onclick: () => v.edit({ type: 'append', pointer: '/dataProtection/thirdParties', value: { name: '', host: '' } }) }, 'Add third party'),
    findingList(idFor('find', '/dataProtection'), [...findingsAt(v, '/dataProtection'), ...findingsAt(v, '/dataProtection/thirdParties'), ...findingsAt(v, '/dataProtection/personalData')]),
  );
}

export function attestationsSection(v: View): HTMLElement {
  return section('attestations', 'Attestations', 'For the clauses no tool can fully check, a person states what was checked, who, and when. A date in the future or older than a year is a finding; the compliance report lists them.',
    v.catalog.attestations.map((a) => {
      const p = `/compliance/attestations/${a.id}`;
      const present = at(v.value, p) !== undefined;
      return h('fieldset', { class: 'attestation', id: idFor('att', a.id) },
        h('legend', {}, `${a.id} — ${a.title}`),
        h('p', { class: 'help' }, a.checklist),
        f(v, `${p}/statement`, `${a.id} statement`),
        f(v, `${p}/by`, `${a.id} attested by`),
        f(v, `${p}/date`, `${a.id} date`),
        present ? h('button', { type: 'button', class: 'secondary small', disabled: v.readOnly, onclick: () => v.edit({ type: 'remove', pointer: p }) }, `Clear ${a.id} attestation`) : undefined,
        findingList(idFor('find', p), findingsAt(v, p)),
      );
    }),
    findingList(idFor('find', '/compliance'), [...findingsAt(v, '/compliance'), ...findingsAt(v, '/compliance/attestations')]),
  );
}

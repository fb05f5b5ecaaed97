// App and developer, listing texts, capabilities, token role, webhook, links and contacts.
import { fieldsIn, type FieldSpec, type FormSection } from '../../src/manifest-editor/fields';
import { at, h, idFor } from './dom';
import { field } from './field';
import { stringList } from './list';
import { findingList, findingsAt, section, type View } from './view';

const f = (v: View, spec: FieldSpec) => field(v, spec, spec.pointer);
/** The section's plain fields, as the manifest's field table lists them. */
const fields = (v: View, section: FormSection) => fieldsIn(section).map((spec) => f(v, spec));

export function appSection(v: View): HTMLElement {
  return section('app', 'App and developer', undefined,
    fields(v, 'app'),
    findingList(idFor('find', '/developer'), findingsAt(v, '/developer')),
  );
}

export function listingSection(v: View): HTMLElement {
  return section('listing', 'Listing', 'How the app is listed in the Bot Store or the Expert marketplace. Listing texts are checked for misleading claims (B.3), claimed affiliation (D.5), the Web1on1 brand (E.1), trademarks (E.2) and vulgar language (F.2).',
    fields(v, 'listing'),
    h('h3', {}, 'Screenshots'),
    stringList(v, '/listing/screenshots', 'Screenshots', { placeholder: 'media/screen-1.png' }),
    findingList(idFor('find', '/listing'), findingsAt(v, '/listing')),
  );
}

export function capabilitiesSection(v: View): HTMLElement {
  const raw = at(v.value, '/capabilities');
  const list = Array.isArray(raw) ? raw : [];
  return section('capabilities', 'Capabilities', 'What the app does that needs a reviewer’s attention.',
    v.catalog.capabilities.map((c) => {
      const i = list.indexOf(c.id);
      const id = idFor('cap', c.id);
      return h('div', { class: 'field' },
        h('div', { class: 'check' },
          h('input', { id, type: 'checkbox', checked: i >= 0, disabled: v.readOnly, 'aria-describedby': `${id}-d`, onchange: (e) => v.edit((e.target as HTMLInputElement).checked ? { type: 'append', pointer: '/capabilities', value: c.id } : { type: 'remove', pointer: `/capabilities/${i}` }) }),
          h('label', { for: id }, c.id)),
        h('p', { class: 'help', id: `${id}-d` }, c.description));
    }),
    findingList(idFor('find', '/capabilities'), findingsAt(v, '/capabilities', true)),
  );
}

export function tokenRoleSection(v: View): HTMLElement {
  return section('token-role', 'Token role', undefined, fields(v, 'token-role'));
}

export function webhookSection(v: View): HTMLElement {
  const raw = at(v.value, '/webhook/events');
  const events = Array.isArray(raw) ? raw : [];
  const known = new Set(v.catalog.events);
  return section('webhook', 'Webhook', 'Subscribing to an event uses its read scope, whether or not the code calls bot.on.',
    fields(v, 'webhook'),
    h('fieldset', {},
      h('legend', {}, 'Webhook events'),
      v.catalog.events.map((e) => {
        const i = events.indexOf(e);
        const id = idFor('ev', e);
        return h('div', { class: 'check' },
          h('input', { id, type: 'checkbox', checked: i >= 0, disabled: v.readOnly, onchange: (ev) => v.edit((ev.target as HTMLInputElement).checked ? { type: 'append', pointer: '/webhook/events', value: e } : { type: 'remove', pointer: `/webhook/events/${i}` }) }),
          h('label', { for: id }, e));
      }),
      h('p', { class: 'help' }, 'Other events and patterns (* for one part, ** for any):'),
      stringList(v, '/webhook/events', 'Event patterns', { placeholder: 'contact.*', hide: (e) => known.has(e) }),
    ),
    findingList(idFor('find', '/webhook'), findingsAt(v, '/webhook')),
  );
}

export function linksSection(v: View): HTMLElement {
  return section('links', 'Privacy, terms, support and security', 'URLs are checked for form (https, not a placeholder), never fetched.',
    fields(v, 'links'),
    findingList(idFor('find', '/support'), findingsAt(v, '/support')),
  );
}

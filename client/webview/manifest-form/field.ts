// One labelled control for one JSON pointer: its help text, its value, and the findings of the rules
// for that pointer underneath (linked with aria-describedby, so a screen reader reads them).
import type { FieldSpec } from '../../src/manifest-editor/fields';
import { at, h, idFor } from './dom';
import { findingList, findingsAt, type View } from './view';

export function field(v: View, spec: FieldSpec, pointer: string, label = spec.label): HTMLElement {
  const id = idFor('f', pointer);
  const findings = findingsAt(v, pointer);
  const current = at(v.value, pointer);
  const helpId = spec.help ? idFor('help', pointer) : undefined;
  const findId = idFor('find', pointer);
  const describedBy = [helpId, findId].filter(Boolean).join(' ');
  const invalid = findings.some((f) => f.severity === 'error');
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': invalid ? 'true' : undefined, disabled: v.readOnly, 'data-pointer': pointer };
  let control: HTMLElement;
  const wrongType = current !== undefined && !fits(spec, current);
  if (wrongType) {
    // e.g. lawfulBasis written as a list: shown, not edited here (the JSON editor can)
    control = h('input', { ...common, type: 'text', value: JSON.stringify(current), readonly: true, disabled: true });
  } else if (spec.kind === 'boolean') {
    control = h('input', { ...common, type: 'checkbox', checked: current === true, onchange: (e) => v.edit({ type: 'set', pointer, value: (e.target as HTMLInputElement).checked }) });
  } else if (spec.kind === 'enum') {
    const value = typeof current === 'string' ? current : '';
    control = h('select', { ...common, onchange: (e) => {
      const s = (e.target as HTMLSelectElement).value;
      v.edit(s === '' ? { type: 'remove', pointer } : { type: 'set', pointer, value: s });
    } },
    h('option', { value: '' }, '— not set —'),
    spec.options!.map((o) => h('option', { value: o, selected: o === value }, o)),
    // a value outside the choices is shown as written (not offered: the host would refuse it)
    value && !spec.options!.includes(value) ? h('option', { value, selected: true, disabled: true }, `${value} (as written; not one of the choices)`) : undefined);
  } else if (spec.kind === 'integer') {
    control = h('input', { ...common, type: 'number', min: 0, step: 1, inputmode: 'numeric', value: typeof current === 'number' ? current : '', onchange: (e) => {
      const raw = (e.target as HTMLInputElement).value.trim();
      if (raw === '') return v.edit({ type: 'remove', pointer });
      const n = Number(raw);
      if (Number.isSafeInteger(n) && n >= 0) v.edit({ type: 'set', pointer, value: n });
    } });
  } else if (spec.kind === 'date') {
    control = h('input', { ...common, type: 'date', value: typeof current === 'string' ? current : '', onchange: (e) => {
      const s = (e.target as HTMLInputElement).value;
      v.edit(s === '' ? { type: 'remove', pointer } : { type: 'set', pointer, value: s });
    } });
  } else {
    const pending = v.pendingValue(pointer);
    const value = typeof pending === 'string' ? pending : typeof current === 'string' ? current : '';
    const onInput = (e: Event) => v.type(pointer, (e.target as HTMLInputElement).value, false);
    const onChange = (e: Event) => v.type(pointer, (e.target as HTMLInputElement).value, true);
    const textual = spec.kind === 'url' || spec.kind === 'email' || spec.kind === 'contact' || spec.kind === 'host' || spec.kind === 'relpath';
    control = spec.kind === 'textarea'
      ? h('textarea', { ...common, rows: 3, value, oninput: onInput, onchange: onChange })
      : h('input', { ...common, type: 'text', value, spellcheck: textual ? 'false' : undefined, inputmode: spec.kind === 'url' ? 'url' : spec.kind === 'email' ? 'email' : undefined, autocomplete: 'off', oninput: onInput, onchange: onChange });
  }
  const labelEl = h('label', { for: id }, label);
  return h('div', { class: `field kind-${spec.kind}${invalid ? ' has-error' : ''}` },
    spec.kind === 'boolean' ? h('div', { class: 'check' }, control, labelEl) : [labelEl, control],
    wrongType ? h('p', { class: 'help' }, 'Written in a form the editor does not change here; use "Open as JSON".') : undefined,
    helpId ? h('p', { class: 'help', id: helpId }, spec.help!) : undefined,
    findingList(findId, findings),
  );
}

function fits(spec: FieldSpec, v: unknown): boolean {
  if (spec.kind === 'boolean') return typeof v === 'boolean';
  if (spec.kind === 'integer') return typeof v === 'number';
  if (spec.kind === 'enum') return typeof v === 'string';
  return typeof v === 'string';
}

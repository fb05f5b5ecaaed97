// A list of strings (screenshots, personal data, webhook event patterns): each item with its findings
// and a Remove button, and an input to add one. Items are removed by their index in the rendered
// version; the host refuses that if the file changed meanwhile.
import { at, h, idFor } from './dom';
import { findingList, findingsAt, type View } from './view';

export function stringList(v: View, pointer: string, label: string, opts: { placeholder: string; hide?: (item: string) => boolean } = { placeholder: '' }): HTMLElement {
  const raw = at(v.value, pointer);
  const items = Array.isArray(raw) ? raw : [];
  const addId = idFor('add', pointer);
  const rows = items.map((item, i) => {
    const p = `${pointer}/${i}`;
    if (typeof item === 'string' && opts.hide?.(item)) return undefined;
    const text = typeof item === 'string' ? item : JSON.stringify(item);
    return h('li', {},
      h('span', { class: 'item' }, text),
      h('button', { type: 'button', class: 'secondary small', disabled: v.readOnly, 'aria-label': `Remove ${text} from ${label}`, onclick: () => v.edit({ type: 'remove', pointer: p }) }, 'Remove'),
      findingList(idFor('find', p), findingsAt(v, p, true)),
    );
  });
  const input = h('input', { id: addId, type: 'text', placeholder: opts.placeholder, disabled: v.readOnly, autocomplete: 'off', spellcheck: 'false' });
  const add = () => {
    const value = input.value.trim();
    if (!value) return;
    v.edit({ type: 'append', pointer, value });
    input.value = '';
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  });
  return h('div', { class: 'list' },
    h('ul', { class: 'items', 'aria-label': label }, rows),
    h('div', { class: 'add-row' },
      h('label', { for: addId }, `Add to ${label.toLowerCase()}`),
      input,
      h('button', { type: 'button', class: 'secondary', disabled: v.readOnly, onclick: add }, 'Add'),
    ),
    findingList(idFor('find', pointer), findingsAt(v, pointer)),
  );
}

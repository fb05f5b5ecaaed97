// DOM building for the form. Manifest strings only ever reach the page as text nodes, `value` or
// attributes set with setAttribute: nothing is parsed as HTML (no innerHTML anywhere in the form).
type Child = Node | string | undefined | false | null;
type Attr = string | number | boolean | undefined | null | ((e: Event) => void);

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, Attr> = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'value') (el as HTMLInputElement).value = String(v);
    else if (k === 'checked') (el as HTMLInputElement).checked = v === true;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) el.append(c);
  return el;
}

/** The value at a JSON pointer of a parsed manifest (undefined when absent). */
export function at(root: unknown, pointer: string): unknown {
  let v = root;
  for (const seg of pointer.split('/').slice(1)) {
    const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** An element id for a pointer (pointers may hold any character; ids only need to be unique). */
export function idFor(kind: string, pointer: string): string {
  return `${kind}:${pointer}`;
}

// The listing preview's page (runs in the webview, bundled to dist/listing-webview.js). It renders the
// model with DOM calls only: every string from the manifest lands in textContent, never in innerHTML or
// an attribute that loads something (the icon's src is the extension's own webview URI). Actions go to
// the extension as indexes into its model; the page opens nothing itself.
import type { ListingAbility, ListingChecklistItem, ListingCodeEvidence, ListingLink, ListingModel, PermissionImpact, ScopeChange } from '../../server/lsp/protocol';
import type { FromWebview, IconView, PreviewState, ToWebview } from '../src/listing/messages';

interface VsCodeApi {
  postMessage(m: FromWebview): void;
  getState(): unknown;
  setState(s: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('listing-root')!;

type Child = Node | string | undefined | false;

/** An element with text children: strings become text nodes, so nothing in them is parsed as HTML. */
function el(tag: string, cls?: string, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  for (const c of children) if (c !== undefined && c !== false) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

function button(label: string, title: string, msg: FromWebview): HTMLButtonElement {
  const b = el('button', 'link', label) as HTMLButtonElement;
  b.type = 'button';
  b.title = title;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', () => vscode.postMessage(msg));
  return b;
}

function render(m: ToWebview): void {
  root.replaceChildren(...(m.type === 'model' ? listing(m.model, m.icon) : [el('p', 'muted', m.text)]));
}

function listing(m: ListingModel, icon: IconView): Node[] {
  if (m.problem) return [el('p', 'notice', m.problem), checklist(m), footer(m)];
  return [
    m.notice ? el('p', 'notice', m.notice) : undefined,
    header(m, icon),
    m.shortDescription ? el('p', 'short', m.shortDescription) : undefined,
    m.description ? el('p', 'description', m.description) : el('p', 'muted', 'No description.'),
    abilities(m.abilities, m.codeEvidence),
    impact(m.impact),
    dataProtection(m),
    links(m.links),
    checklist(m),
    footer(m),
  ].filter((n): n is HTMLElement => !!n);
}

function header(m: ListingModel, icon: IconView): HTMLElement {
  let pic: HTMLElement;
  if ('src' in icon) {
    const img = document.createElement('img');
    img.className = 'icon';
    img.alt = `${m.name ?? 'App'} icon`;
    img.src = icon.src; // a webview resource URI from the extension, never a manifest string
    pic = img;
  } else {
    pic = el('div', 'icon icon-placeholder', (m.name ?? '?').trim().charAt(0).toUpperCase() || '?');
    pic.setAttribute('role', 'img');
    pic.setAttribute('aria-label', `No icon shown: ${icon.problem ?? 'none given'}`);
    pic.title = `No icon shown: ${icon.problem ?? 'none given'}`;
  }
  const meta = [m.category, m.marketplace, m.version ? `version ${m.version}` : undefined].filter(Boolean).join(' · ');
  return el(
    'section',
    'card',
    pic,
    el(
      'div',
      undefined,
      el('h1', undefined, m.name ?? '(no name)'),
      el('div', 'by', m.developer?.name ? `by ${m.developer.name}` : 'developer not named'),
      meta ? el('div', 'meta', meta) : undefined,
      'src' in icon || !icon.problem ? undefined : el('div', 'muted', `Icon: ${icon.problem}`),
    ),
  );
}

function pdChip(cls: string, text: string): HTMLElement {
  return el('span', `chip pd-${cls}`, text);
}

function abilities(list: ListingAbility[], evidence: ListingCodeEvidence | undefined): HTMLElement {
  const items = list.map((a) =>
    el('li', undefined, el('span', undefined, a.text), pdChip(a.personalData, a.personalDataText), ' ', el('code', undefined, a.scope), el('span', 'why', a.reason ? `Why: ${a.reason}` : 'No reason given'),
      a.codeUse && el('span', `code-use use-${a.codeUse.state}`, a.codeUse.text)),
  );
  return el('section', 'abilities', el('h2', undefined, 'What the app will be able to do'), list.length && evidence ? codeEvidence(evidence) : undefined,
    items.length ? el('ul', 'plain', ...items) : el('p', 'muted', 'Nothing: the manifest declares no scopes.'));
}

/** How far the code could be followed; when not all the way, where it was lost (each place opens in the editor). */
function codeEvidence(e: ListingCodeEvidence): HTMLElement {
  if (e.complete) return el('p', 'muted code-evidence', e.text);
  const p = el('p', 'notice code-evidence', el('strong', undefined, 'Partly determined. '), e.text);
  p.setAttribute('role', 'note');
  if (e.lost.length) p.append(' ', ...e.lost.slice(0, 5).map((l, i) => button(`Show ${l.where}`, `Show ${l.where}: ${l.what}`, { type: 'openLostPlace', index: i })));
  return p;
}

function change(kind: 'added' | 'dropped', c: ScopeChange): HTMLElement {
  return el('li', kind, el('span', undefined, c.text), pdChip(c.personalData, c.personalDataText), ' ', el('code', undefined, c.scope));
}

function impact(p: PermissionImpact): HTMLElement {
  const h = el('h2', undefined, 'Permission impact');
  if (p.state !== 'compared') return el('section', 'impact', h, el('p', 'muted', p.reason));
  const since = `${p.ref} (${p.commit})`;
  const body: Child[] = [];
  if (!p.manifestExisted) body.push(el('p', 'muted', `There was no manifest at ${since}: every scope is new.`));
  if (!p.added.length && !p.dropped.length) body.push(el('p', undefined, `No scope added or dropped since ${since}.`));
  if (p.added.length) body.push(el('p', undefined, `Added since ${since}:`), el('ul', 'plain', ...p.added.map((c) => change('added', c))));
  if (p.dropped.length) body.push(el('p', undefined, `Dropped since ${since}:`), el('ul', 'plain', ...p.dropped.map((c) => change('dropped', c))));
  return el('section', 'impact', h, ...body);
}

function dataProtection(m: ListingModel): HTMLElement | undefined {
  const dp = m.dataProtection;
  if (!dp) return el('section', undefined, el('h2', undefined, 'Personal data and sharing'), el('p', 'muted', 'The manifest says nothing about personal data (dataProtection).'));
  const rows: Child[] = [
    el('li', undefined, dp.personalData.length ? `Personal data it reads or stores: ${dp.personalData.join(', ')}` : 'Personal data it reads or stores: none listed'),
    dp.retentionDays !== undefined && el('li', undefined, `Kept for ${dp.retentionDays} days`),
    dp.lawfulBasis && el('li', undefined, `Lawful basis: ${dp.lawfulBasis}`),
    dp.erasure && el('li', undefined, `Erasure: ${dp.erasure}`),
    el('li', undefined, dp.thirdParties.length ? `Shares data with: ${dp.thirdParties.map((t) => [t.name, t.purpose && `(${t.purpose})`, t.host && `at ${t.host}`].filter(Boolean).join(' ')).join('; ')}` : 'Shares data with: no one listed'),
  ];
  return el('section', undefined, el('h2', undefined, 'Personal data and sharing'), el('ul', undefined, ...rows));
}

function links(list: ListingLink[]): HTMLElement {
  const dl = el('dl', 'links');
  list.forEach((l, i) => {
    const dd = el('dd', undefined, l.value ? el('span', 'url', l.value) : el('span', 'muted', 'not given'));
    if (l.href) dd.append(button('Open', `Open ${l.label}`, { type: 'openLink', index: i }));
    if (l.problem && l.value) dd.append(el('span', 'problem', ` — ${l.problem}`));
    dl.append(el('dt', undefined, l.label), dd);
  });
  return el('section', undefined, el('h2', undefined, 'Links'), el('p', 'muted', 'Shown as written; Policy Lens never fetches them.'), dl);
}

function checklist(m: ListingModel): HTMLElement {
  const s = m.summary;
  const summary = el('p', undefined, `${s.findings} clause${s.findings === 1 ? '' : 's'} with findings · ${s.notAttested} not attested · ${s.quiet} with no findings or attested. “No findings” means the rules found nothing, not that the app complies.`);
  const rows = m.checklist.map((c) => checklistRow(c));
  const table = el('table', undefined, el('thead', undefined, el('tr', undefined, el('th', undefined, 'Clause'), el('th', undefined, 'Status'), el('th', undefined, 'Detail'))), el('tbody', undefined, ...rows));
  return el('section', 'checklist', el('h2', undefined, 'Review readiness by clause'), summary, table);
}

function checklistRow(c: ListingChecklistItem): HTMLElement {
  const clause = el('td', undefined, el('strong', undefined, c.clause));
  clause.title = `${c.sectionTitle}: ${c.clauseText}`;
  const detail = el('td', undefined, c.detail);
  if (c.findings.length) {
    const ul = el('ul');
    c.findings.forEach((f, i) => ul.append(el('li', undefined, `${f.message} `, el('span', 'muted', f.where), button('Show', `Show ${f.where}`, { type: 'openFinding', clause: c.clause, index: i }))));
    if (c.moreFindings) ul.append(el('li', 'muted', `and ${c.moreFindings} more (Problems panel)`));
    detail.append(ul);
  }
  return el('tr', `row-${c.tone}`, clause, el('td', `tone-${c.tone}`, c.status), detail);
}

function footer(m: ListingModel): HTMLElement {
  const when = new Date(m.checkedAt).toLocaleTimeString();
  return el('footer', undefined, `Checked ${when} · ${m.manifestPath} `, button('Open manifest', 'Open the manifest', { type: 'openManifest' }));
}

function isToWebview(d: unknown): d is ToWebview {
  if (!d || typeof d !== 'object') return false;
  const o = d as Record<string, unknown>;
  if (typeof o['manifestUri'] !== 'string') return false;
  if (o['type'] === 'message') return typeof o['text'] === 'string';
  return o['type'] === 'model' && !!o['model'] && typeof o['model'] === 'object' && !!o['icon'] && typeof o['icon'] === 'object';
}

window.addEventListener('message', (e: MessageEvent) => {
  if (!isToWebview(e.data)) return;
  try {
    render(e.data);
  } catch (err) {
    root.replaceChildren(el('p', 'problem', `The preview could not be drawn: ${String(err)}`));
    return;
  }
  vscode.setState({ manifestUri: e.data.manifestUri, last: e.data });
});

// after a reload the last view shows at once; the extension sends fresh data on "ready"
const saved = vscode.getState() as PreviewState | undefined;
if (saved?.last && isToWebview(saved.last)) render(saved.last);
vscode.postMessage({ type: 'ready' });

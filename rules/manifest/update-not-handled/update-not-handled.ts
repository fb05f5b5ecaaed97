import { EVENTS } from '../../src/data';
import { eventsReceived, type Located } from '../../src/model/facts';
import { storeSites, type StoreSite } from '../../src/model/store-sites';
import { LineIndex } from '../../src/positions';
import { createAppRule, type AppRuleContext } from '../../src/rule';
import type { RelatedLocation } from '../../src/types';

const PLACEHOLDER = /^\s*$|\b(todo|tbd|fixme|changeme|n\/a)\b|<[^<>]{0,40}>|\{\{/i;
/** An erasure statement that also covers changes ("…and updated on contact.update", "bijgewerkt"). */
const MENTIONS_UPDATES = /\b(updat|modif|chang|refresh|sync|wijzig|bijgewerkt|bijwerk|actualis)/i;
/** What the personal-data model calls contact data (`contact e-mail`, `contact object`, `message contact` …). */
const CONTACT_DATA = /^(contact|message contact)\b/;

export default createAppRule({
  meta: {
    id: 'update-not-handled',
    target: 'code+manifest',
    description: 'The app stores contact data but does not handle contact.update, so its copy goes stale when the contact changes.',
    clauses: ['A.8'],
    severity: 'warning',
    fixable: false,
    messages: {
      notHandled: 'Contact data is stored here ({{what}}), but the app neither handles contact.update nor says how stored data is kept current: when a contact changes, the copy must be updated or erased',
      notRefreshed: 'Contact data is stored in {{store}} here ({{what}}), but what runs when a contact changes ({{handler}}) neither updates nor erases {{store}}: the copy goes stale',
      erasureOnly: 'Contact data is stored here ({{what}}) and erased on request, but not updated: handle contact.update (or say in dataProtection.erasure what happens when a contact changes)',
    },
  },
  check(context) {
    const stores = storeSites(context.index.files, (what) => CONTACT_DATA.test(what));
    if (!stores.length) return;
    const subscribed = subscribedEvents(context);
    const handlers = [...eventsReceived(EVENTS.updateEvents, subscribed).map((e) => `'${e}' handler`), ...[...context.index.files.values()].flatMap((f) => (f.storeHandlers ?? []).filter((h) => h.kinds.includes('update')).map((h) => h.what))];
    const statement = erasureStatement(context);
    if (statement && MENTIONS_UPDATES.test(statement)) return;
    if (handlers.length) {
      checkRefreshed(context, stores, handlers);
      return;
    }
    // erasing on request answers part of A.8 ("erase or update"); what is left is a hint
    const erases = !!statement || eventsReceived(EVENTS.erasureEvents, subscribed).length > 0;
    const [first, ...others] = stores;
    context.report({
      messageId: erases ? 'erasureOnly' : 'notHandled',
      data: { what: first!.what },
      severity: erases ? 'info' : undefined,
      file: first!.file,
      start: first!.start,
      end: first!.end,
      related: related(context, [...first!.callers, ...others.flatMap((o) => [o, ...o.callers])]),
    });
  },
});

/** Contact changes are handled: each store that keeps contact data must be written or erased there. */
function checkRefreshed(context: AppRuleContext, stores: StoreSite[], handlers: string[]): void {
  const files = [...context.index.files.values()];
  // code there the analysis cannot follow, or a store it cannot name: cannot tell
  if (files.some((f) => (f.storeEvidenceLost ?? []).some((l) => l.kind === 'update'))) return;
  const evidence = files.flatMap((f) => (f.storeEvidence ?? []).filter((e) => e.kind === 'update'));
  if (evidence.some((e) => !e.store)) return;
  const refreshed = new Set(evidence.map((e) => e.store!.key));
  const reported = new Set<string>();
  for (const s of stores) {
    if (!s.store || refreshed.has(s.store.key) || reported.has(s.store.key)) continue;
    reported.add(s.store.key);
    const same = stores.filter((o) => o !== s && o.store?.key === s.store!.key);
    context.report({
      messageId: 'notRefreshed',
      data: { what: s.what, store: s.store.label, handler: [...new Set(handlers)][0]! },
      file: s.file,
      start: s.start,
      end: s.end,
      related: related(context, [...s.callers, ...same.flatMap((o) => [o, ...o.callers])]),
    });
  }
}

/** `onAny` is recorded as `*`; it receives every event, so it counts as `**`. */
function subscribedEvents(context: AppRuleContext): string[] {
  const out: string[] = [];
  for (const facts of context.index.files.values()) for (const e of facts.events) out.push(e.what === '*' ? '**' : e.what);
  return out;
}

function erasureStatement(context: AppRuleContext): string | undefined {
  const v = context.app.manifestObject()?.dataProtection?.erasure;
  return v !== undefined && !PLACEHOLDER.test(v) ? v : undefined;
}

function related(context: AppRuleContext, sites: readonly (Located & { file: string })[]): RelatedLocation[] {
  const lines = new Map<string, LineIndex>();
  const out: RelatedLocation[] = [];
  for (const s of sites.slice(0, 10)) {
    let li = lines.get(s.file);
    if (!li) lines.set(s.file, (li = new LineIndex(context.readFile(s.file) ?? '')));
    out.push({ file: s.file, range: li.range(s.start, s.end), message: `also stores ${s.what}` });
  }
  return out;
}

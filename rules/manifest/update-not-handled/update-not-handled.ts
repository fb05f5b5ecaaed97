import { EVENTS } from '../../src/data';
import { eventsReceived } from '../../src/model/facts';
import { relatedStoreSites, storeSites, storesNotReached, type StoreSite } from '../../src/model/store-sites';
import { createAppRule, type AppRuleContext } from '../../src/rule';

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
      related: relatedStoreSites(context.readFile, [...first!.callers, ...others.flatMap((o) => [o, ...o.callers])], 'also stores'),
    });
  },
});

/** Contact changes are handled: each store that keeps contact data must be written or erased there. */
function checkRefreshed(context: AppRuleContext, stores: StoreSite[], handlers: string[]): void {
  // code there the analysis cannot follow, or a store it cannot name: cannot tell
  for (const { site: s, same } of storesNotReached(context.index.files, stores, 'update') ?? []) {
    context.report({
      messageId: 'notRefreshed',
      data: { what: s.what, store: s.store!.label, handler: [...new Set(handlers)][0]! },
      file: s.file,
      start: s.start,
      end: s.end,
      related: relatedStoreSites(context.readFile, [...s.callers, ...same.flatMap((o) => [o, ...o.callers])], 'also stores'),
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

import { EVENTS } from '../../src/data';
import { eventsReceived } from '../../src/model/facts';
import { relatedStoreSites, storeSites, storesNotReached } from '../../src/model/store-sites';
import { createAppRule, type AppRuleContext } from '../../src/rule';

/** An e-mail address or a URL: where a person or the dealer asks for erasure. */
const NAMES_CHANNEL = /\S@[a-z0-9-]+\.[a-z]|\bhttps?:\/\//i;
const PLACEHOLDER = /^\s*$|\b(todo|tbd|fixme|changeme|n\/a)\b|<[^<>]{0,40}>|\{\{/i;

export default createAppRule({
  meta: {
    id: 'erasure-not-handled',
    target: 'code+manifest',
    description: 'The app stores personal data but neither handles contact/conversation deletion nor states how it erases data.',
    clauses: ['A.7'],
    severity: 'warning',
    fixable: false,
    messages: {
      notHandled: 'Personal data is stored here ({{what}}), but the app handles neither contact.delete nor conversation.delete and {{statement}}: stored data must be erased when the dealer asks',
      notErased: 'Personal data is stored in {{store}} here ({{what}}), but what runs on deletion ({{handler}}) erases nothing from {{store}} and {{statement}}: stored data must be erased when the dealer asks',
    },
  },
  check(context) {
    const stores = storeSites(context.index.files, () => true);
    if (!stores.length) return;
    const statement = erasureStatement(context);
    if (statement.ok) return;
    const statementWords = statement.claim !== undefined ? `dataProtection.erasure ("${statement.claim}") names no way to reach the deletion and no code deletes this data` : statement.placeholder ? 'dataProtection.erasure is only a placeholder' : 'the manifest has no dataProtection.erasure statement';
    // a statement that names no channel (an address to write to) is a claim: the code must delete or expire the store somewhere
    if (statement.claim !== undefined) {
      const files = [...context.index.files.values()];
      const retention = files.flatMap((f) => f.storeRetention ?? []);
      if (retention.some((r) => !r.store)) return; // something is deleted or expired that the analysis cannot name
      const kept = new Set(retention.map((r) => r.store!.key));
      stores.splice(0, stores.length, ...stores.filter((s) => !s.store || !kept.has(s.store.key)));
      if (!stores.length || stores.every((s) => !s.store) && retention.length) return;
    }
    const handlers = erasureHandlers(context);
    const evidence = [...context.index.files.values()].flatMap((f) => (f.storeEvidence ?? []).filter((e) => e.kind === 'erase'));
    if (!handlers.length && !evidence.length) {
      const [first, ...others] = stores;
      context.report({
        messageId: 'notHandled',
        data: { what: first!.what, statement: statementWords },
        file: first!.file,
        start: first!.start,
        end: first!.end,
        related: relatedStoreSites(context.readFile, [...first!.callers, ...others.flatMap((o) => [o, ...o.callers])], 'also stores'),
      });
      return;
    }
    // the erasure code calls something the analysis cannot follow, or erases a store it cannot name: cannot tell
    for (const { site: s, same } of storesNotReached(context.index.files, stores, 'erase') ?? []) {
      context.report({
        messageId: 'notErased',
        data: { what: s.what, store: s.store!.label, handler: handlers[0] ?? evidence[0]!.what, statement: statementWords },
        file: s.file,
        start: s.start,
        end: s.end,
        related: relatedStoreSites(context.readFile, [...s.callers, ...same.flatMap((o) => [o, ...o.callers])], 'also stores'),
      });
    }
  },
});

/** What runs when a contact or conversation is deleted: SDK subscriptions (onAny counts), branches on the event name, erasure routes. */
function erasureHandlers(context: AppRuleContext): string[] {
  const out: string[] = [];
  for (const facts of context.index.files.values()) {
    for (const e of facts.events) {
      const pattern = e.what === '*' ? '**' : e.what;
      if (eventsReceived(EVENTS.erasureEvents, [pattern]).length) out.push(e.what === '*' ? 'onAny()' : `'${e.what}' handler`);
    }
    for (const h of facts.storeHandlers ?? []) if (h.kinds.includes('erase')) out.push(h.what);
  }
  return [...new Set(out)];
}

/**
 * A statement that names where to ask (an e-mail address or a URL) describes an erasure process the code need not
 * show; any other text ("on request", "expires after 90 days", "deleted on contact.delete") is a claim the code
 * must bear out.
 */
function erasureStatement(context: AppRuleContext): { ok: boolean; placeholder: boolean; claim?: string } {
  const v = context.app.manifestObject()?.dataProtection?.erasure;
  if (v === undefined) return { ok: false, placeholder: false };
  if (PLACEHOLDER.test(v)) return { ok: false, placeholder: true };
  if (NAMES_CHANNEL.test(v)) return { ok: true, placeholder: false };
  return { ok: false, placeholder: false, claim: v.length > 60 ? v.slice(0, 57) + '…' : v };
}

import { EVENTS } from '../../src/data';
import { eventsReceived, type Located } from '../../src/model/facts';
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
      erasureOnly: 'Contact data is stored here ({{what}}) and erased on request, but not updated: handle contact.update (or say in dataProtection.erasure what happens when a contact changes)',
    },
  },
  check(context) {
    const stores = storedContactData(context);
    if (!stores.length) return;
    const subscribed = subscribedEvents(context);
    if (eventsReceived(EVENTS.updateEvents, subscribed).length) return;
    const statement = erasureStatement(context);
    if (statement && MENTIONS_UPDATES.test(statement)) return;
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
      related: related(context, others),
    });
  },
});

type Stored = Located & { file: string };

function storedContactData(context: AppRuleContext): Stored[] {
  const out: Stored[] = [];
  for (const [file, facts] of context.index.files) for (const s of facts.storesPersonalData) if (CONTACT_DATA.test(s.what)) out.push({ ...s, file });
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
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

function related(context: AppRuleContext, sites: Stored[]): RelatedLocation[] {
  const lines = new Map<string, LineIndex>();
  const out: RelatedLocation[] = [];
  for (const s of sites.slice(0, 10)) {
    let li = lines.get(s.file);
    if (!li) lines.set(s.file, (li = new LineIndex(context.readFile(s.file) ?? '')));
    out.push({ file: s.file, range: li.range(s.start, s.end), message: `also stores ${s.what}` });
  }
  return out;
}

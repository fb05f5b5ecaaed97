import { EVENTS } from '../../src/data';
import { eventsReceived, type Located } from '../../src/model/facts';
import { LineIndex } from '../../src/positions';
import { createAppRule, type AppRuleContext } from '../../src/rule';
import type { RelatedLocation } from '../../src/types';

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
    },
  },
  check(context) {
    const stores = storedPersonalData(context);
    if (!stores.length) return;
    if (eventsReceived(EVENTS.erasureEvents, subscribedEvents(context)).length) return;
    const statement = erasureStatement(context);
    if (statement.ok) return;
    const [first, ...others] = stores;
    context.report({
      messageId: 'notHandled',
      data: { what: first!.what, statement: statement.placeholder ? 'dataProtection.erasure is only a placeholder' : 'the manifest has no dataProtection.erasure statement' },
      file: first!.file,
      start: first!.start,
      end: first!.end,
      related: related(context, others, 'also stores'),
    });
  },
});

type Stored = Located & { file: string };

/** Every storage write of personal data in the app's code, by file path and position. */
function storedPersonalData(context: AppRuleContext): Stored[] {
  const out: Stored[] = [];
  for (const [file, facts] of context.index.files) for (const s of facts.storesPersonalData) out.push({ ...s, file });
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
}

/** Event patterns the code subscribes to. `onAny` is recorded as `*`; it receives every event, so it counts as `**`. */
function subscribedEvents(context: AppRuleContext): string[] {
  const out: string[] = [];
  for (const facts of context.index.files.values()) for (const e of facts.events) out.push(e.what === '*' ? '**' : e.what);
  return out;
}

function erasureStatement(context: AppRuleContext): { ok: boolean; placeholder: boolean } {
  const v = context.app.manifestObject()?.dataProtection?.erasure;
  if (v === undefined) return { ok: false, placeholder: false };
  return PLACEHOLDER.test(v) ? { ok: false, placeholder: true } : { ok: true, placeholder: false };
}

function related(context: AppRuleContext, sites: Stored[], verb: string): RelatedLocation[] {
  const lines = new Map<string, LineIndex>();
  const out: RelatedLocation[] = [];
  for (const s of sites.slice(0, 10)) {
    let li = lines.get(s.file);
    if (!li) lines.set(s.file, (li = new LineIndex(context.readFile(s.file) ?? '')));
    out.push({ file: s.file, range: li.range(s.start, s.end), message: `${verb} ${s.what}` });
  }
  return out;
}

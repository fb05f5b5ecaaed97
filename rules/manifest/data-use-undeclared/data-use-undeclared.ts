import { eventScope, scopeEntry } from '../../src/data';
import { LineIndex } from '../../src/positions';
import type { Manifest } from '../../src/manifest/spec';
import { createAppRule, type AppRuleContext } from '../../src/rule';
import type { RelatedLocation } from '../../src/types';

/** GDPR Art. 6(1) bases, in English and Dutch (AVG), compared after lower-casing and `-`/`_` → space. */
const LAWFUL_BASES = [
  'consent', 'contract', 'legal obligation', 'vital interest', 'vital interests', 'public task', 'public interest',
  'legitimate interest', 'legitimate interests',
  'toestemming', 'overeenkomst', 'uitvoering overeenkomst', 'wettelijke verplichting', 'vitaal belang', 'vitale belangen',
  'algemeen belang', 'taak van algemeen belang', 'gerechtvaardigd belang', 'gerechtvaardigde belangen',
];
const GDPR_ARTICLE = /^(art(icle|ikel)?\.?\s{0,3})?6\s{0,3}\(1\)\s{0,3}\(?[a-f]\)?/;
const PLACEHOLDER = /\b(todo|tbd|fixme|changeme|n\/a|unknown)\b|<[^<>]{0,40}>|\{\{/i;
const PERSONAL_RESOURCES = /^(message|contact|conversation)s?(\.|:|$)/;

interface Evidence { what: string; related: RelatedLocation[] }

export default createAppRule({
  meta: {
    id: 'data-use-undeclared',
    target: 'manifest',
    description: 'The app reads consumers\' personal data but the manifest does not declare which data and on what lawful basis.',
    clauses: ['A.5', 'A.6'],
    severity: 'warning',
    fixable: false,
    messages: {
      missing: 'The app reads consumers\' personal data ({{evidence}}) but the manifest has no dataProtection section: declare the data (personalData) and the lawful basis (lawfulBasis)',
      notObject: 'dataProtection must be an object with personalData and lawfulBasis',
      personalDataMissing: 'The app reads consumers\' personal data ({{evidence}}): list it in dataProtection.personalData (e.g. "contact.name", "message.text")',
      personalDataEmpty: 'dataProtection.personalData is {{problem}}, but the app reads consumers\' personal data ({{evidence}})',
      lawfulBasisMissing: 'dataProtection.lawfulBasis is {{problem}}: say on which basis the app uses personal data (consent, contract, legitimate interests …)',
      lawfulBasisUnknown: 'dataProtection.lawfulBasis "{{value}}" is not a lawful basis of GDPR Art. 6(1): use consent, contract, legal obligation, vital interests, public task or legitimate interests',
    },
  },
  check(context) {
    const m = context.app.manifestObject();
    if (!m) return;
    const evidence = collectEvidence(context, m);
    if (!evidence.length) return;
    const words = evidence.slice(0, 3).map((e) => e.what).join(', ') + (evidence.length > 3 ? ' …' : '');
    const related = evidence.flatMap((e) => e.related).slice(0, 5);
    const d = m.dataProtection;
    if (context.app.isMistyped('/dataProtection')) {
      context.report({ pointer: '/dataProtection', messageId: 'notObject' });
      return;
    }
    if (d === undefined) {
      context.report({ pointer: '/dataProtection', messageId: 'missing', data: { evidence: words }, related });
      return;
    }
    const pd = d.personalData;
    if (context.app.isMistyped('/dataProtection/personalData')) context.report({ pointer: '/dataProtection/personalData', messageId: 'personalDataEmpty', data: { problem: 'not a list', evidence: words }, related });
    else if (pd === undefined) context.report({ pointer: '/dataProtection/personalData', messageId: 'personalDataMissing', data: { evidence: words }, related });
    else {
      const problem = listProblem(pd);
      if (problem) context.report({ pointer: '/dataProtection/personalData', messageId: 'personalDataEmpty', data: { problem, evidence: words }, related });
    }
    const basis = d.lawfulBasis;
    const values = typeof basis === 'string' ? [basis] : basis ?? [];
    const blank = context.app.isMistyped('/dataProtection/lawfulBasis') ? 'empty' : basis === undefined ? 'missing' : values.length === 0 ? 'empty' : values.some((v) => v === undefined || v.trim() === '') ? 'empty' : values.some((v) => PLACEHOLDER.test(String(v))) ? 'a placeholder' : undefined;
    if (blank) {
      context.report({ pointer: '/dataProtection/lawfulBasis', messageId: 'lawfulBasisMissing', data: { problem: blank } });
      return;
    }
    const unknown = values.map(String).find((v) => !isLawfulBasis(v));
    if (unknown !== undefined) context.report({ pointer: '/dataProtection/lawfulBasis', messageId: 'lawfulBasisUnknown', data: { value: unknown.length > 60 ? unknown.slice(0, 57) + '…' : unknown } });
  },
});

function listProblem(v: readonly (string | undefined)[]): string | undefined {
  const real = v.filter((x) => x !== undefined && x.trim() !== '' && !PLACEHOLDER.test(x));
  if (!v.length) return 'empty';
  return real.length ? undefined : 'only placeholders';
}

function isLawfulBasis(value: string): boolean {
  const v = value.toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim();
  if (GDPR_ARTICLE.test(v)) return true;
  // "contract (service agreement with the dealer)" / "legitimate interests: …"
  return LAWFUL_BASES.some((b) => v === b || (v.startsWith(b) && /^[\s(:,;.–—-]/.test(v.slice(b.length))));
}

/** Where the app shows that it reads consumers' personal data: code first (with locations), then the manifest. */
function collectEvidence(context: AppRuleContext, m: Manifest): Evidence[] {
  const out: Evidence[] = [];
  const add = (what: string, loc?: { file: string; start: number; end: number }) => {
    const lines = loc ? lineIndex(context, loc.file) : undefined;
    const related = loc && lines ? [{ file: loc.file, range: lines.range(loc.start, loc.end), message: `reads personal data: ${what}` }] : [];
    const prev = out.find((e) => e.what === what);
    if (prev) prev.related.push(...related);
    else out.push({ what, related });
  };
  const files = [...context.index.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [file, facts] of files) {
    if (!facts.readsPersonalData) continue;
    for (const e of facts.events) {
      const scope = eventScope(e.what);
      if (scope === 'wildcard' || (scope && scopeEntry(scope)?.personalData === 'consumer')) add(`'${e.what}' events`, { file, start: e.start, end: e.end });
    }
    // a subscription is already counted as events; its scope use would say the same again
    const subscriptions = new Set(facts.events.map((e) => e.start));
    for (const u of facts.scopeUses) if (scopeEntry(u.scope)?.personalData === 'consumer' && /read/.test(u.scope) && !subscriptions.has(u.start)) add(u.evidence, { file, start: u.start, end: u.end });
    // other platforms' clients, the app's routes and its database: personal data the manifest must declare as well
    for (const r of facts.personalDataReads ?? []) add(r.what, { file, start: r.start, end: r.end });
    if (!out.length) add('message handlers');
  }
  if (out.length) return out; // the code speaks for itself; manifest evidence only when there is no code
  for (const s of context.app.declaredScopes()) if (scopeEntry(s.scope)?.personalData === 'consumer') add(`scope ${s.scope}`);
  for (const e of m.webhook?.events ?? []) if (e !== undefined && PERSONAL_RESOURCES.test(e)) add(`webhook event ${e}`);
  return out;
}

const lineCache = new WeakMap<AppRuleContext, Map<string, LineIndex>>();
function lineIndex(context: AppRuleContext, file: string): LineIndex | undefined {
  let byFile = lineCache.get(context);
  if (!byFile) lineCache.set(context, (byFile = new Map()));
  let li = byFile.get(file);
  if (!li) {
    const text = context.readFile(file);
    if (text === undefined) return undefined;
    byFile.set(file, (li = new LineIndex(text)));
  }
  return li;
}

import { brandMentions, listingTexts, negatedBefore, NOMINATIVE_NOUNS, WEB1ON1_SPELLING, type BrandMention, type ListingText } from '../../src/manifest/listing-text';
import { createAppRule } from '../../src/rule';

// Each pattern reads the text just before or after a brand mention; "for Web1on1", "for BMW dealers",
// "powered by Web1on1", "used by Volkswagen dealers" match none of them.
const OFFICIAL_BEFORE = /(?<![\p{L}])(?:official(?:ly)?|officieel|offici[eë]le)\s{1,3}(?:the\s{1,3})?$/iu;
const MADE_BY_BEFORE = /(?<![\p{L}])(?:made|built|developed|created|produced|designed|published|released|maintained|operated|authori[sz]ed|certified|endorsed|approved|licensed|sponsored|recommended|verified|accredited|brought\s{1,3}to\s{1,3}you)\s{1,3}by\s{1,3}(?:the\s{1,3})?$/iu;
const MADE_BY_BEFORE_NL = /(?<![\p{L}])(?:gemaakt|ontwikkeld|gebouwd|uitgegeven|goedgekeurd|gecertificeerd|erkend|aanbevolen|geautoriseerd|geverifieerd)\s{1,3}door\s{1,3}(?:het\s{1,3})?$/iu;
const DOOR_BEFORE = /(?<![\p{L}])door\s{1,3}$/iu;
const MADE_AFTER_NL = /^\s{1,3}(?:gemaakt|ontwikkeld|gebouwd|uitgegeven|goedgekeurd|gecertificeerd|erkend|aanbevolen|geautoriseerd|geverifieerd)(?![\p{L}])/iu;
const APP_BY_BEFORE = /(?<![\p{L}])(?:app|bot|chatbot|assistant|assistent|integration|integratie|plugin|module|tool|connector|extension)\s{1,3}by\s{1,3}$/iu;
const BY_BEFORE = /(?<![\p{L}])by\s{1,3}$/iu;
const POSSESSIVE_AFTER = /^(?:'s|’s)\s{1,3}(?:own|official|eigen)(?![\p{L}])/iu;
const PARTNER_BEFORE = /(?<![\p{L}])(?:(?:partner|partnership)\s{1,3}(?:of|with|van|met)|in\s{1,3}(?:partnership|samenwerking)\s{1,3}(?:with|met)|partnered\s{1,3}with)\s{1,3}(?:the\s{1,3})?$/iu;
const PARTNER_AFTER = /^[\s-]{1,3}(?:(?:certified|premier|preferred|official|technology|gold|verified|erkende|officiële)\s{1,3})?partner(?![\p{L}])/iu;
const CERTIFIED_AFTER = /^[\s-]{1,3}(?:certified|approved|endorsed|authori[sz]ed|accredited|verified|gecertificeerd|goedgekeurd|erkend)(?![\p{L}])/iu;
const CERTIFIED_BEFORE = /(?<![\p{L}])(?:certified|approved|endorsed|authori[sz]ed|accredited|verified|gecertificeerde|erkende|goedgekeurde)\s{1,3}$/iu;
const APP_NOUN_AFTER = /^\s{1,3}(?:app|bot|chatbot|assistant|assistent|integration|integratie|plugin|module|solution|oplossing|tool|connector|extension)(?![\p{L}])/iu;

type Claim = 'official' | 'madeBy' | 'own' | 'partner' | 'certified';

export default createAppRule({
  meta: {
    id: 'listing-affiliation-claim',
    target: 'manifest',
    description: 'The listing claims the app is made, authorised or endorsed by Web1on1, a car brand or a platform.',
    clauses: ['D.5', 'B.3'],
    severity: 'warning',
    fixable: false,
    messages: {
      official: '{{field}} presents the app as official {{brand}} ("{{quote}}"): only {{brand}} can say that. Say what it works with instead ({{example}})',
      madeBy: '{{field}} says the app is made, authorised or endorsed by {{brand}} ("{{quote}}"): claim that only with {{brand}}\'s written permission',
      own: '{{field}} presents the app as {{brand}}\'s own ("{{quote}}")',
      partner: '{{field}} claims a partnership with {{brand}} ("{{quote}}"): claim that only with {{brand}}\'s written permission',
      certified: '{{field}} claims {{brand}} certified or approved the app ("{{quote}}"): claim that only with {{brand}}\'s written permission',
      developer: 'developer.name says Web1on1 builds this app ("{{quote}}"): name your own company',
    },
  },
  check(context) {
    const doc = context.manifest;
    for (const t of listingTexts(doc)) {
      for (const b of brandMentions(t.prose, { web1on1: true })) {
        const claim = claimAbout(t, b);
        if (claim) context.report({ pointer: t.pointer, messageId: claim.kind, data: { field: t.pointer.slice(1).replace('/', '.'), brand: b.brand, quote: claim.quote, example: b.kind === 'car brand' ? `"for ${b.brand} dealers"` : `"for ${b.brand}"` } });
      }
    }
    const [dev] = listingTexts(doc, ['/developer/name']);
    WEB1ON1_SPELLING.lastIndex = 0;
    if (dev && WEB1ON1_SPELLING.test(dev.prose)) context.report({ pointer: '/developer/name', messageId: 'developer', data: { quote: dev.text.slice(0, 60) } });
  },
});

function claimAbout(t: ListingText, b: BrandMention): { kind: Claim; quote: string } | undefined {
  const claim = claimNear(t, b);
  // a disclaimer is the opposite of a claim: "not made or endorsed by Web1on1", "niet goedgekeurd door BMW"
  return claim && !negatedBefore(t.prose, b.start - claim.before, 6) ? { kind: claim.kind, quote: claim.quote } : undefined;
}

function claimNear(t: ListingText, b: BrandMention): { kind: Claim; quote: string; before: number } | undefined {
  const before = t.prose.slice(Math.max(0, b.start - 60), b.start);
  const after = t.prose.slice(b.end, b.end + 60);
  const quote = (from: RegExp | undefined, to: RegExp | undefined) => {
    const back = from ? from.exec(before)?.[0].length ?? 0 : 0;
    const e = to ? b.end + (to.exec(after)?.[0].length ?? 0) : b.end;
    return { quote: t.text.slice(b.start - back, e).replace(/\s+/g, ' '), before: back };
  };
  if (OFFICIAL_BEFORE.test(before) && !NOMINATIVE_NOUNS.test(after)) return { kind: 'official', ...quote(OFFICIAL_BEFORE, undefined) };
  if (MADE_BY_BEFORE.test(before)) return { kind: 'madeBy', ...quote(MADE_BY_BEFORE, undefined) };
  if (MADE_BY_BEFORE_NL.test(before)) return { kind: 'madeBy', ...quote(MADE_BY_BEFORE_NL, undefined) };
  if (DOOR_BEFORE.test(before) && MADE_AFTER_NL.test(after)) return { kind: 'madeBy', ...quote(DOOR_BEFORE, MADE_AFTER_NL) };
  // a bare "by Web1on1" reads as authorship in a name ("Reminder Bot by Web1on1") or right after "app"/"bot"
  if (APP_BY_BEFORE.test(before) || (t.pointer === '/name' && BY_BEFORE.test(before))) return { kind: 'madeBy', ...quote(BY_BEFORE, undefined) };
  if (POSSESSIVE_AFTER.test(after)) return { kind: 'own', ...quote(undefined, POSSESSIVE_AFTER) };
  if (PARTNER_BEFORE.test(before)) return { kind: 'partner', ...quote(PARTNER_BEFORE, undefined) };
  // "BMW Partner" is what BMW calls its dealers; only Web1on1 partnership is a claim by itself
  if (b.kind === 'Web1on1' && PARTNER_AFTER.test(after)) return { kind: 'partner', ...quote(undefined, PARTNER_AFTER) };
  if (CERTIFIED_AFTER.test(after)) return { kind: 'certified', ...quote(undefined, CERTIFIED_AFTER) };
  if (CERTIFIED_BEFORE.test(before) && APP_NOUN_AFTER.test(after)) return { kind: 'certified', ...quote(CERTIFIED_BEFORE, APP_NOUN_AFTER) };
  return undefined;
}

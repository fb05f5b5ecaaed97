import { brandMentions, negatedBefore, NOMINATIVE_NOUNS, type BrandKind } from '../manifest/listing-text';

/**
 * Claims that an app is made, authorised, endorsed by or partnered with a company (Web1on1, a car brand, a
 * platform): D.5 (and B.3, a deceptive statement of origin). One notion for every text that presents the app:
 * the listing in the manifest, the README, and what the bot itself tells people.
 */
export type AffiliationKind = 'official' | 'madeBy' | 'own' | 'partner' | 'certified';

export interface AffiliationClaim {
  kind: AffiliationKind;
  brand: string;
  brandKind: BrandKind;
  /** The words of the claim, as written. */
  quote: string;
  /** Offsets of the claim within the text. */
  start: number;
  end: number;
}

// Each pattern reads the text just before or after a brand mention; "for Web1on1", "for BMW dealers",
// "powered by Web1on1", "used by Volkswagen dealers" match none of them.
const OFFICIAL_BEFORE = /(?<![\p{L}])(?:official(?:ly)?|officieel|offici[eë]le|offizielle?r?)\s{1,3}(?:the\s{1,3})?$/iu;
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
/** "the official assistant of Volkswagen", "the official test-drive planner of Stellantis": official, an app noun (two words may come before it, a Dutch compound may end in it: "proefritplanner"), then the brand. */
const OFFICIAL_APP_OF_BEFORE = /(?<![\p{L}])(?:official|officieel|offici[eë]le)\s{1,3}(?:[\p{L}-]{1,30}\s{1,3}){0,2}\p{L}{0,20}(?:app|bot|chatbot|assistant|assistent|integration|integratie|service|helper|agent|planner|tool|platform|system|systeem|koppeling)\s{1,3}(?:of|from|van)\s{1,3}(?:the\s{1,3})?$/iu;

export interface ClaimOptions {
  /** The text is the app's name: a bare "by <brand>" is authorship there ("Reminder Bot by Web1on1"). */
  isName?: boolean;
}

/** The affiliation claims of a text; `prose` is the text with what is not prose blanked (proseOnly), same offsets. */
export function findAffiliationClaims(text: string, prose: string, opts: ClaimOptions = {}): AffiliationClaim[] {
  const out: AffiliationClaim[] = [];
  for (const b of brandMentions(prose, { web1on1: true })) {
    const claim = claimNear(text, prose, b.start, b.end, b.kind === 'Web1on1', opts);
    // a disclaimer is the opposite of a claim: "not made or endorsed by Web1on1", "niet goedgekeurd door BMW"
    if (claim && !negatedBefore(prose, b.start - claim.before, 6)) out.push({ kind: claim.kind, brand: b.brand, brandKind: b.kind, quote: claim.quote, start: b.start - claim.before, end: claim.end });
  }
  return out;
}

function claimNear(text: string, prose: string, start: number, end: number, web1on1: boolean, opts: ClaimOptions): { kind: AffiliationKind; quote: string; before: number; end: number } | undefined {
  const before = prose.slice(Math.max(0, start - 60), start);
  const after = prose.slice(end, end + 60);
  const quote = (from: RegExp | undefined, to: RegExp | undefined) => {
    const back = from ? from.exec(before)?.[0].length ?? 0 : 0;
    const e = to ? end + (to.exec(after)?.[0].length ?? 0) : end;
    return { quote: text.slice(start - back, e).replace(/\s+/g, ' '), before: back, end: e };
  };
  if (OFFICIAL_BEFORE.test(before) && !NOMINATIVE_NOUNS.test(after)) return { kind: 'official', ...quote(OFFICIAL_BEFORE, undefined) };
  if (OFFICIAL_APP_OF_BEFORE.test(before)) return { kind: 'official', ...quote(OFFICIAL_APP_OF_BEFORE, undefined) };
  if (MADE_BY_BEFORE.test(before)) return { kind: 'madeBy', ...quote(MADE_BY_BEFORE, undefined) };
  if (MADE_BY_BEFORE_NL.test(before)) return { kind: 'madeBy', ...quote(MADE_BY_BEFORE_NL, undefined) };
  if (DOOR_BEFORE.test(before) && MADE_AFTER_NL.test(after)) return { kind: 'madeBy', ...quote(DOOR_BEFORE, MADE_AFTER_NL) };
  // a bare "by Web1on1" reads as authorship in a name ("Reminder Bot by Web1on1") or right after "app"/"bot"
  if (APP_BY_BEFORE.test(before) || (opts.isName && BY_BEFORE.test(before))) return { kind: 'madeBy', ...quote(BY_BEFORE, undefined) };
  if (POSSESSIVE_AFTER.test(after)) return { kind: 'own', ...quote(undefined, POSSESSIVE_AFTER) };
  if (PARTNER_BEFORE.test(before)) return { kind: 'partner', ...quote(PARTNER_BEFORE, undefined) };
  // "BMW Partner" is what BMW calls its dealers; only Web1on1 partnership is a claim by itself
  if (web1on1 && PARTNER_AFTER.test(after)) return { kind: 'partner', ...quote(undefined, PARTNER_AFTER) };
  if (CERTIFIED_AFTER.test(after)) return { kind: 'certified', ...quote(undefined, CERTIFIED_AFTER) };
  if (CERTIFIED_BEFORE.test(before) && APP_NOUN_AFTER.test(after)) return { kind: 'certified', ...quote(CERTIFIED_BEFORE, APP_NOUN_AFTER) };
  return undefined;
}

import { brandMentions, negatedBefore, NOMINATIVE_NOUNS } from '../manifest/listing-text';

/**
 * Claims about an app's origin, function, performance or data use that mislead (B.3): "official",
 * "guaranteed", "100% secure", "GDPR certified", "never stores data", "never makes mistakes", "end-to-end
 * encrypted". One notion for every text that presents the app: its listing, its README and its own messages.
 */
export type MisleadingKind = 'official' | 'guaranteed' | 'gdprCertified' | 'absolute' | 'neverStores' | 'infallible' | 'endToEnd';

export interface MisleadingClaim {
  kind: MisleadingKind;
  quote: string;
  start: number;
  end: number;
}

const OFFICIAL = /(?<![\p{L}])(?:official(?:ly)?|officieel|offici[eë]le)(?![\p{L}])/giu;
const GUARANTEED = /(?<![\p{L}])(?:guaranteed|guarantees|gegarandeerd|garandeert|garanderen|(?:we|i)\s{1,3}guarantee)(?![\p{L}])/giu;
const GDPR_CERTIFIED = /(?<![\p{L}])(?:(?:GDPR|AVG)[\s-]{0,2}(?:certified|gecertificeerd|certificering|certification)|certified[\s-]{1,3}(?:GDPR|AVG))(?![\p{L}])/giu;
const ABSOLUTE_SAFETY = /(?<![\p{L}\p{N}])(?:(?:100\s{0,2}%|honderd\s{1,3}procent)[\s-]{0,3}(?:secure|safe|veilig|private|privé|anonymous|anoniem|gdpr|avg|compliant|privacy|betrouwbaar|reliable)|(?:completely|fully|totally|absolutely|perfectly|volledig|helemaal|absoluut|totaal)[\s-]{1,3}(?:secure|safe|veilig|anonymous|anoniem|unhackable|onhackbaar)|unhackable|onhackbaar|hack-?proof)(?![\p{L}])/giu;
const NEVER_STORES = /(?<![\p{L}])(?:(?:never|not|n't|no\s{1,3}longer)\s{1,3}(?:stores?|saves?|keeps?|retains?|records?)\s{1,3}(?:any\s{1,3})?(?:of\s{1,3})?(?:your\s{1,3}|personal\s{1,3}|customer\s{1,3}|consumer\s{1,3}|contact\s{1,3})?(?:data|information|details|anything)|(?:stores?|saves?|keeps?)\s{1,3}(?:no|nothing)(?:\s{1,3}(?:personal|customer|consumer))?(?:\s{1,3}(?:data|information))?|no\s{1,3}(?:personal\s{1,3}|customer\s{1,3})?(?:data|information)\s{1,3}(?:is\s{1,3}|are\s{1,3}|will\s{1,3}be\s{1,3}|gets\s{1,3})?(?:ever\s{1,3})?(?:stored|saved|kept|retained)|(?:slaat|slaan|bewaart|bewaren|sla|bewaar)\s{1,3}(?:we\s{1,3}|wij\s{1,3})?(?:geen|nooit|niets)(?:\s{1,3}(?:persoonsgegevens|gegevens|data))?|(?:geen|nooit)\s{1,3}(?:persoonsgegevens|gegevens|data)\s{1,3}(?:worden\s{1,3}|wordt\s{1,3})?(?:opgeslagen|bewaard))(?![\p{L}])/giu;
/**
 * Performance no software has: "never makes mistakes", "always right", "100% accurate", "error-free",
 * "maakt nooit fouten", "altijd juist", "foutloos", "macht keine Fehler".
 */
const INFALLIBLE = /(?<![\p{L}\p{N}])(?:(?:never|nooit|nie)\s{1,3}(?:makes?|made|maakt|maken|macht)\s{1,3}(?:a\s{1,3}|any\s{1,3}|een\s{1,3}|enige\s{1,3})?(?:mistakes?|errors?|fouten?|fehler|vergissingen?)|(?:maakt|maken)\s{1,3}(?:nooit|geen)\s{1,3}(?:een\s{1,3})?(?:fouten?|vergissingen?)|macht\s{1,3}(?:nie|keine)\s{1,3}fehler|(?:always|altijd|immer)\s{1,3}(?:right|correct|accurate|juist|richtig)|heeft\s{1,3}altijd\s{1,3}gelijk|(?:100\s{0,2}%|honderd\s{1,3}procent)[\s-]{0,3}(?:accurate|correct|juist|nauwkeurig|foutloos|error[\s-]?free|zuverlässig|genau)|error[\s-]?free|mistake[\s-]?free|foutloos|foutloze|feilloos|feilloze|flawless|fehlerfrei)(?![\p{L}])/giu;
/**
 * End-to-end encryption: an app that reads the messages to answer them sits between the two ends, so a chat
 * through it is not end-to-end encrypted, whatever the transport does.
 */
const END_TO_END = /(?<![\p{L}])(?:end[\s-]{0,2}to[\s-]{0,2}end|e2e|e2ee|ende[\s-]{0,2}zu[\s-]{0,2}ende)[\s-]{0,3}(?:encrypted|encryption|encrypt|versleuteld|versleuteling|versleutelde|beveiligd|verschlüsselt|verschlüsselung)(?![\p{L}])/giu;

const WORD = /[\p{L}\p{N}'’]+/gu;
/** What "official" must qualify, within three words, to be a claim about the app ("the official service reminder bot"). */
const APP_NOUNS = new Set(['app', 'apps', 'bot', 'chatbot', 'assistant', 'assistent', 'integration', 'integratie', 'plugin', 'module', 'tool', 'connector', 'extension', 'solution', 'oplossing', 'version', 'versie', 'partner', 'koppeling']);
const OFFICIALLY_WHAT = new Set(['supported', 'approved', 'endorsed', 'certified', 'recognised', 'recognized', 'licensed', 'partnered', 'erkend', 'ondersteund', 'goedgekeurd', 'gecertificeerd']);

export interface MisleadingOptions {
  /** A listing text (name or description): a leading "Official" qualifies the app itself. */
  listing?: boolean;
  isName?: boolean;
}

/** The misleading claims of a text; `prose` is the text with what is not prose blanked (proseOnly), same offsets. */
export function findMisleadingClaims(text: string, prose: string, opts: MisleadingOptions = {}): MisleadingClaim[] {
  const out: MisleadingClaim[] = [];
  const brands = brandMentions(prose, { web1on1: true });
  const scan = (re: RegExp, kind: MisleadingKind, keep: (start: number, end: number) => boolean = () => true) => {
    re.lastIndex = 0;
    for (let m = re.exec(prose); m; m = re.exec(prose)) {
      const end = m.index + m[0].length;
      if (keep(m.index, end)) out.push({ kind, quote: text.slice(m.index, end).replace(/\s+/g, ' '), start: m.index, end });
    }
  };
  const negated = (start: number) => negatedBefore(prose, start, 4);
  scan(OFFICIAL, 'official', (start, end) => {
    const after = prose.slice(end, end + 60);
    // "official BMW …" is an affiliation claim; "official API", "official dealers" are nominative
    const brandNext = brands.some((b) => b.start >= end && /^\s{1,3}(?:the\s{1,3})?$/i.test(prose.slice(end, b.start)));
    if (brandNext || NOMINATIVE_NOUNS.test(after) || negated(start)) return false;
    // in the name or as the first word of a listing it qualifies the app; elsewhere only when it qualifies an app noun ("official opening hours" is fine)
    const next = wordsAfter(prose, end, 3);
    const leads = !!opts.listing && (!!opts.isName || prose.slice(0, start).trim() === '');
    return leads || next.some((w) => APP_NOUNS.has(w)) || (/ly$/i.test(prose.slice(start, end)) && OFFICIALLY_WHAT.has(next[0] ?? ''));
  });
  scan(GUARANTEED, 'guaranteed', (start) => !negated(start));
  scan(GDPR_CERTIFIED, 'gdprCertified', (start) => !negated(start));
  scan(ABSOLUTE_SAFETY, 'absolute', (start) => !negated(start));
  scan(NEVER_STORES, 'neverStores');
  scan(INFALLIBLE, 'infallible', (start) => !negated(start));
  scan(END_TO_END, 'endToEnd', (start) => !negated(start));
  return out.sort((a, b) => a.start - b.start);
}

function wordsAfter(text: string, from: number, n: number): string[] {
  return (text.slice(from, from + 80).match(WORD) ?? []).slice(0, n).map((w) => w.toLowerCase());
}

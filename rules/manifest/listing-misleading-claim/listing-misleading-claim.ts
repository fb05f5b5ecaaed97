import { brandMentions, listingTexts, negatedBefore, NOMINATIVE_NOUNS, type ListingText } from '../../src/manifest/listing-text';
import { createAppRule } from '../../src/rule';

const OFFICIAL = /(?<![\p{L}])(?:official(?:ly)?|officieel|offici[eë]le)(?![\p{L}])/giu;
const GUARANTEED = /(?<![\p{L}])(?:guaranteed|guarantees|gegarandeerd|garandeert|garanderen|(?:we|i)\s{1,3}guarantee)(?![\p{L}])/giu;
const GDPR_CERTIFIED = /(?<![\p{L}])(?:(?:GDPR|AVG)[\s-]{0,2}(?:certified|gecertificeerd|certificering|certification)|certified[\s-]{1,3}(?:GDPR|AVG))(?![\p{L}])/giu;
const ABSOLUTE_SAFETY = /(?<![\p{L}\p{N}])(?:(?:100\s{0,2}%|honderd\s{1,3}procent)[\s-]{0,3}(?:secure|safe|veilig|private|privé|anonymous|anoniem|gdpr|avg|compliant|privacy|betrouwbaar|reliable)|(?:completely|fully|totally|absolutely|perfectly|volledig|helemaal|absoluut|totaal)[\s-]{1,3}(?:secure|safe|veilig|anonymous|anoniem|unhackable|onhackbaar)|unhackable|onhackbaar|hack-?proof)(?![\p{L}])/giu;
const NEVER_STORES = /(?<![\p{L}])(?:(?:never|not|n't|no\s{1,3}longer)\s{1,3}(?:stores?|saves?|keeps?|retains?|records?)\s{1,3}(?:any\s{1,3})?(?:of\s{1,3})?(?:your\s{1,3}|personal\s{1,3}|customer\s{1,3}|consumer\s{1,3}|contact\s{1,3})?(?:data|information|details|anything)|(?:stores?|saves?|keeps?)\s{1,3}(?:no|nothing)(?:\s{1,3}(?:personal|customer|consumer))?(?:\s{1,3}(?:data|information))?|no\s{1,3}(?:personal\s{1,3}|customer\s{1,3})?(?:data|information)\s{1,3}(?:is\s{1,3}|are\s{1,3}|will\s{1,3}be\s{1,3}|gets\s{1,3})?(?:ever\s{1,3})?(?:stored|saved|kept|retained)|(?:slaat|slaan|bewaart|bewaren|sla|bewaar)\s{1,3}(?:we\s{1,3}|wij\s{1,3})?(?:geen|nooit|niets)(?:\s{1,3}(?:persoonsgegevens|gegevens|data))?|(?:geen|nooit)\s{1,3}(?:persoonsgegevens|gegevens|data)\s{1,3}(?:worden\s{1,3}|wordt\s{1,3})?(?:opgeslagen|bewaard))(?![\p{L}])/giu;

const WORD = /[\p{L}\p{N}'’]+/gu;
/** What "official" must qualify, within three words, to be a claim about the app ("the official service reminder bot"). */
const APP_NOUNS = new Set(['app', 'apps', 'bot', 'chatbot', 'assistant', 'assistent', 'integration', 'integratie', 'plugin', 'module', 'tool', 'connector', 'extension', 'solution', 'oplossing', 'version', 'versie', 'partner', 'koppeling']);
const OFFICIALLY_WHAT = new Set(['supported', 'approved', 'endorsed', 'certified', 'recognised', 'recognized', 'licensed', 'partnered', 'erkend', 'ondersteund', 'goedgekeurd', 'gecertificeerd']);

type Kind = 'official' | 'guaranteed' | 'gdprCertified' | 'absolute' | 'neverStores';

export default createAppRule({
  meta: {
    id: 'listing-misleading-claim',
    target: 'code+manifest',
    description: 'Misleading claims in the listing: "official", "guaranteed", "100% secure", "GDPR certified", "never stores data" while it does.',
    clauses: ['B.3'],
    severity: 'warning',
    fixable: false,
    messages: {
      official: '{{field}} calls the app "{{quote}}": an app is not official unless Web1on1 or the brand made it. Describe what it does',
      guaranteed: '{{field}} promises "{{quote}}": a guarantee the app cannot keep in every case misleads dealers. State what it does and its limits',
      gdprCertified: '{{field}} claims "{{quote}}": there is no general GDPR certificate for apps; say what you do (DPA, data minimisation, erasure)',
      absolute: '{{field}} claims "{{quote}}": no software is absolutely secure or private. State the measures instead (encryption, signed webhooks, retention)',
      neverStores: '{{field}} says "{{quote}}", but {{evidence}}: say what the app stores, for how long, and how it is erased',
    },
  },
  check(context) {
    const m = context.app.manifestObject();
    if (!m) return;
    const declared = m.dataProtection?.storesPersonalData === true;
    const stored = [...context.index.files].flatMap(([file, f]) => f.storesPersonalData.map((s) => ({ file, ...s })))[0];
    const evidence = stored ? `the code stores personal data (${stored.what})` : declared ? 'dataProtection.storesPersonalData is true' : undefined;
    for (const t of listingTexts(context.manifest)) {
      for (const c of claims(t)) {
        if (c.kind === 'neverStores' && !evidence) continue;
        context.report({ pointer: t.pointer, messageId: c.kind, data: { field: t.pointer.slice(1).replace('/', '.'), quote: c.quote, evidence: evidence ?? '' } });
      }
    }
  },
});

function claims(t: ListingText): { kind: Kind; quote: string }[] {
  const out: { kind: Kind; quote: string; start: number }[] = [];
  const brands = brandMentions(t.prose, { web1on1: true });
  const scan = (re: RegExp, kind: Kind, keep: (start: number, end: number) => boolean = () => true) => {
    re.lastIndex = 0;
    for (let m = re.exec(t.prose); m; m = re.exec(t.prose)) {
      const end = m.index + m[0].length;
      if (keep(m.index, end)) out.push({ kind, quote: t.text.slice(m.index, end).replace(/\s+/g, ' '), start: m.index });
    }
  };
  const negated = (start: number) => negatedBefore(t.prose, start, 4);
  scan(OFFICIAL, 'official', (start, end) => {
    const after = t.prose.slice(end, end + 60);
    // "official BMW …" is listing-affiliation-claim's; "official API", "official dealers" are nominative
    const brandNext = brands.some((b) => b.start >= end && /^\s{1,3}(?:the\s{1,3})?$/i.test(t.prose.slice(end, b.start)));
    if (brandNext || NOMINATIVE_NOUNS.test(after) || negated(start)) return false;
    // in the name or as the first word it qualifies the app; elsewhere only when it qualifies an app noun ("official opening hours" is fine)
    const next = wordsAfter(t.prose, end, 3);
    return t.pointer === '/name' || t.prose.slice(0, start).trim() === '' || next.some((w) => APP_NOUNS.has(w)) || (/ly$/i.test(t.prose.slice(start, end)) && OFFICIALLY_WHAT.has(next[0] ?? ''));
  });
  scan(GUARANTEED, 'guaranteed', (start) => !negated(start));
  scan(GDPR_CERTIFIED, 'gdprCertified', (start) => !negated(start));
  scan(ABSOLUTE_SAFETY, 'absolute', (start) => !negated(start));
  scan(NEVER_STORES, 'neverStores');
  return out.sort((a, b) => a.start - b.start);
}

function wordsAfter(text: string, from: number, n: number): string[] {
  return (text.slice(from, from + 80).match(WORD) ?? []).slice(0, n).map((w) => w.toLowerCase());
}

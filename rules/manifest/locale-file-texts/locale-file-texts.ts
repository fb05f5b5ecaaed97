import { parseTree, type Node } from 'jsonc-parser';
import { createAppRule } from '../../src/rule';
import { findAffiliationClaims } from '../../src/lexicon/affiliation-claims';
import { findIdentityClaims } from '../../src/lexicon/identity-claims';
import { isLocaleJsonPath, isNonProseKey } from '../../src/lexicon/locale-dictionaries';
import { findMisleadingClaims } from '../../src/lexicon/misleading-claims';
import { findProfanity, maskWord } from '../../src/lexicon/profanity';
import { CARD_DATA_KINDS, declaredSensitiveExceptions, describeKind, findSensitiveRequests } from '../../src/lexicon/sensitive-data';
import { proseOnly } from '../../src/manifest/listing-text';

/** Strings of one locale file read at most: a generated catalogue of thousands is checked in part, not hung on. */
const MAX_STRINGS = 5000;

/**
 * The texts of JSON locale files (`locales/nl.json`, `src/i18n/en.json`), which the app sends by key at run
 * time: the same words the code text rules look for in messages (C.2/C.3/D.6, D.2, D.5/B.3, F.2).
 */
export default createAppRule({
  meta: {
    id: 'locale-file-texts',
    target: 'manifest',
    description: 'Texts in JSON locale files that ask for card data, PINs or passwords, claim to be human or endorsed by another company, promise what no app keeps, or use vulgar words.',
    clauses: ['C.2', 'C.3', 'D.6', 'D.2', 'D.5', 'B.3', 'F.2'],
    severity: 'warning',
    fixable: false,
    messages: {
      request: 'This text asks for {{what}} (the app sends it to consumers): take payments through a payment link and never ask for PINs or passwords in a chat',
      human: 'This text claims the bot is a human ("{{phrase}}"): consumers must be able to tell they are talking to a bot',
      staff: 'This text introduces the bot as a named member of staff ("{{phrase}}"): say that it is a (digital) assistant',
      affiliation: 'This text presents the app as {{brand}}\'s ("{{quote}}"): say so only with {{brand}}\'s written permission',
      misleading: 'This text claims "{{quote}}": a promise no app keeps misleads the consumer; say what it does and its limits',
      vulgar: 'This text contains vulgar or obscene language ("{{word}}"): consumers read it',
    },
  },
  check(context) {
    const excepted = declaredSensitiveExceptions(context.app);
    for (const file of context.paths) {
      if (!isLocaleJsonPath(file)) continue;
      const text = context.readFile(file);
      const tree = text === undefined ? undefined : parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
      if (!tree) continue;
      for (const node of localeStrings(tree)) {
        const value = node.value as string;
        const at = { file, start: node.offset, end: node.offset + node.length };
        const kinds = [...new Set(findSensitiveRequests(value).map((r) => r.kind))].filter((k) => !excepted.has(k));
        if (kinds.length) {
          context.report({ ...at, messageId: 'request', data: { what: kinds.map(describeKind).join(' and ') }, severity: 'error', clauses: kinds.some((k) => CARD_DATA_KINDS.has(k)) ? ['C.2', 'C.3', 'D.6'] : ['C.2', 'C.3'] });
          continue;
        }
        const claim = findIdentityClaims(value)[0];
        if (claim) {
          context.report({ ...at, messageId: claim.kind === 'human' ? 'human' : 'staff', data: { phrase: claim.phrase }, clauses: ['D.2'] });
          continue;
        }
        const prose = proseOnly(value);
        const affiliation = findAffiliationClaims(value, prose)[0];
        if (affiliation) {
          context.report({ ...at, messageId: 'affiliation', data: { brand: affiliation.brand, quote: affiliation.quote }, clauses: ['D.5', 'B.3'] });
          continue;
        }
        // "we never store" is weighed against the whole app by listing-misleading-claim (code texts only)
        const misleading = findMisleadingClaims(value, prose).find((c) => c.kind !== 'neverStores');
        if (misleading) {
          context.report({ ...at, messageId: 'misleading', data: { quote: misleading.quote }, clauses: ['B.3'] });
          continue;
        }
        const vulgar = findProfanity(value)[0];
        if (vulgar) context.report({ ...at, messageId: 'vulgar', data: { word: maskWord(vulgar.word) }, clauses: ['F.2'] });
      }
    }
  },
});

/** The string values of a locale file (nested objects and lists included), not those under identifier keys. */
function localeStrings(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length && out.length < MAX_STRINGS) {
    const n = stack.pop()!;
    if (n.type === 'string') out.push(n);
    else if (n.type === 'object') {
      for (const p of n.children ?? []) {
        const [key, value] = p.children ?? [];
        if (value && !(key && typeof key.value === 'string' && isNonProseKey(key.value))) stack.push(value);
      }
    } else if (n.type === 'array') stack.push(...(n.children ?? []));
  }
  return out.sort((a, b) => a.offset - b.offset);
}

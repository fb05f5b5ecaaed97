import { ts } from '../../src/ts';
import { createCodeRule } from '../../src/rule';
import { readableTexts, type ReadableText } from '../../src/lexicon/readable-text';
import { CARD_DATA_KINDS, declaredSensitiveExceptions, describeKind, fieldAsksFor, findSensitiveRequests, requestLanguage, type SensitiveKind } from '../../src/lexicon/sensitive-data';
import type { Fix } from '../../src/types';

const ADVICE: Record<SensitiveKind, string> = {
  card: "take card payments on an approved payment provider's page (a payment link), never in the chat",
  cvv: "take card payments on an approved payment provider's page (a payment link), never in the chat",
  'card-expiry': "take card payments on an approved payment provider's page (a payment link), never in the chat",
  pin: 'nobody needs a PIN in a chat; let the consumer pay at a terminal or through a payment link',
  password: "never ask for a password; send a link to the service's own login or reset page",
  iban: 'ask only when the app needs it (a refund) and declare it in dataProtection.sensitiveDataExceptions with a reason',
  'national-id': 'ask only where the law requires it and declare it in dataProtection.sensitiveDataExceptions with a reason',
};

/** What a bot says instead of asking for card data: where to pay, and not to type card data in the chat. */
const PAYMENT_LINK_SENTENCE = {
  en: 'Please pay through the secure payment link we send you; do not share card details in this chat.',
  'nl-formal': 'Betaal via de beveiligde betaallink die wij u sturen; deel geen kaartgegevens in deze chat.',
  'nl-informal': 'Betaal via de beveiligde betaallink die we je sturen; deel geen kaartgegevens in deze chat.',
};
/** C.2/C.3 for every request; card data taken in the chat also makes the payment itself insecure (D.6). */
const REQUEST_CLAUSES = ['C.2', 'C.3'];
const CARD_DATA_CLAUSES = ['C.2', 'C.3', 'D.6'];

export default createCodeRule({
  meta: {
    id: 'sensitive-data-request',
    target: 'code',
    description: 'Messages or form fields that ask for card numbers, CVV/CVC, card expiry dates, PINs, passwords, IBANs or BSN/SSN numbers.',
    clauses: CARD_DATA_CLAUSES,
    severity: 'error',
    fixable: true,
    messages: {
      message: 'This {{part}} asks {{who}} for {{what}}: {{advice}}',
      field: 'This {{part}} asks for {{what}}: {{advice}}',
    },
  },
  create(context) {
    return {
      // no-op: makes the file model collect object literals, where message-shaped objects are found
      [ts.SyntaxKind.ObjectLiteralExpression]() {},
      onEnd() {
        const excepted = declaredSensitiveExceptions(context.app);
        for (const t of readableTexts(context.model)) {
          const kinds = kindsAskedFor(t).filter((k) => !excepted.has(k));
          if (!kinds.length) continue;
          const what = listed(kinds.map(describeKind));
          const isField = t.part === 'field' || t.part === 'form';
          const fixes = isField ? [] : paymentLinkFix(context.file, context.sourceFile, t, excepted);
          context.report({
            messageId: isField ? 'field' : 'message',
            data: { part: isField ? (t.part === 'form' ? 'form' : 'form field') : t.method === 'ask' ? 'question' : 'message', who: whoReads(t), what, advice: ADVICE[kinds[0]!] },
            start: t.node.getStart(context.sourceFile),
            end: t.node.getEnd(),
            // an IBAN is personal data but no secret: a likely problem, not harm in itself
            severity: kinds.every((k) => k === 'iban') ? 'warning' : undefined,
            clauses: kinds.some((k) => CARD_DATA_KINDS.has(k)) ? CARD_DATA_CLAUSES : REQUEST_CLAUSES,
            fixes,
          });
        }
      },
    };
  },
});

/**
 * Rewrites the sentences that ask for card data into one that points to a payment link, where each
 * such sentence is written verbatim (no escapes) in exactly one literal of the source. Not safe: the
 * app must then really send a payment link, and the text may need the rest of its sentence back.
 */
function paymentLinkFix(file: string, sf: ts.SourceFile, t: ReadableText, excepted: ReadonlySet<SensitiveKind>): Fix[] {
  const requests = findSensitiveRequests(t.text, { asked: t.method === 'ask' }).filter((r) => !excepted.has(r.kind));
  if (!requests.length || !requests.every((r) => CARD_DATA_KINDS.has(r.kind))) return [];
  const parts = literalParts(sf, t.node);
  const edits: Fix['edits'] = [];
  const seen = new Set<number>();
  for (const r of requests) {
    if (seen.has(r.start)) continue; // card number and CVC asked in one sentence
    seen.add(r.start);
    const sentence = t.text.slice(r.start, r.end).trim();
    const at = uniqueOccurrence(parts, sentence);
    if (at === undefined) return [];
    const replacement = PAYMENT_LINK_SENTENCE[requestLanguage(sentence)];
    // mid-sentence (after "Om de auto te reserveren:") it goes on in lower case, as the original did
    const cased = /^\p{Ll}/u.test(sentence) ? replacement[0]!.toLowerCase() + replacement.slice(1) : replacement;
    edits.push({ file, start: at, end: at + sentence.length, newText: cased });
  }
  return edits.length ? [{ description: 'Point to a payment link instead', edits, safe: false }] : [];
}

/** The literal tokens of a text expression (strings, template parts), with their source text. */
function literalParts(sf: ts.SourceFile, node: ts.Node): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) out.push({ start: n.getStart(sf), text: n.getText(sf) });
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

function uniqueOccurrence(parts: { start: number; text: string }[], sentence: string): number | undefined {
  let found: number | undefined;
  for (const p of parts) {
    const i = p.text.indexOf(sentence);
    if (i < 0) continue;
    if (found !== undefined || p.text.indexOf(sentence, i + 1) >= 0) return undefined;
    found = p.start + i;
  }
  return found;
}

function kindsAskedFor(t: ReadableText): SensitiveKind[] {
  if (t.part === 'field' || t.part === 'form') {
    const k = fieldAsksFor(t.text, t.isFieldKey);
    return k ? [k] : [];
  }
  if (t.part !== 'message' && t.part !== 'item') return [];
  return [...new Set(findSensitiveRequests(t.text, { asked: t.method === 'ask' }).map((r) => r.kind))];
}

/** "a, b and c". */
function listed(items: string[]): string {
  return items.length < 3 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function whoReads(t: ReadableText): string {
  if (t.consumer || t.audience === 'consumer') return 'the consumer';
  if (t.audience === 'internal') return "the dealer's staff";
  return 'whoever reads it';
}

import lexicon from '../../data/lexicons/sensitive-data.json';
import type { AppInfo } from '../app';
import { identifierWords, PhraseMatcher, sentences, tokenize, type PhraseMatch, type Token } from './tokens';

/**
 * Sensitive data (C.2/C.3) in English and Dutch: which words name it, and when a sentence asks for
 * it rather than merely mentioning it ("pinnen aan de balie", "wachtwoord vergeten?", an IBAN for a refund).
 */
export type SensitiveKind = 'card' | 'cvv' | 'card-expiry' | 'pin' | 'password' | 'iban' | 'national-id';

/** Card data (number, security code, expiry): asked for in a chat, the payment itself is insecure (D.6). */
export const CARD_DATA_KINDS: ReadonlySet<SensitiveKind> = new Set(['card', 'cvv', 'card-expiry']);

export const SENSITIVE_KINDS = Object.keys(lexicon.kinds) as SensitiveKind[];

export interface SensitiveRequest {
  kind: SensitiveKind;
  /** Offsets of the sentence that asks, within the text. */
  start: number;
  end: number;
}

type Lang = { en: string[]; nl: string[] };
type KindWords = Lang & { what: string; withCard?: Lang };

function both(l: Lang): string[] {
  return [...l.en, ...l.nl];
}

/** Plural suffixes of the last word of a term, per language ("passwords", "wachtwoorden", "pincodes", "pincode's"). */
const PLURALS = { en: ['s'], nl: ['s', "'s", 'en'] } as const;

/** A term and its plurals: the vocabulary lists lemmas, a message uses whichever form it needs. */
function withForms(l: Lang): string[] {
  const out: string[] = [];
  for (const lang of ['en', 'nl'] as const) {
    for (const term of l[lang]) {
      out.push(term);
      for (const suffix of PLURALS[lang]) out.push(term + suffix);
    }
  }
  return out;
}

function wordMatcher(l: Lang): PhraseMatcher<true> {
  const m = new PhraseMatcher<true>();
  for (const w of both(l)) m.add(w, true);
  return m;
}

const KINDS = lexicon.kinds as Record<SensitiveKind, KindWords>;
const TERMS = new PhraseMatcher<SensitiveKind>();
/** Terms that are card data only next to a card: "security code", "vervaldatum". */
const CARD_TERMS = new PhraseMatcher<SensitiveKind>();
for (const kind of SENSITIVE_KINDS) {
  for (const w of withForms(KINDS[kind])) TERMS.add(w, kind);
  const withCard = KINDS[kind].withCard;
  if (withCard) for (const w of withForms(withCard)) CARD_TERMS.add(w, kind);
}
const CARD_WORDS = wordMatcher(lexicon.cardWords);

const POSSESSIVES = new Set(both(lexicon.possessives));
const GIVE = new Set(both(lexicon.giveVerbs));
const QUESTION_STARTS = both(lexicon.questionStarts).map((q) => tokenize(q).map((t) => t.norm));
const NEED = wordMatcher(lexicon.needWords);
const NEGATIONS = wordMatcher(lexicon.negations);
const ELSEWHERE = wordMatcher(lexicon.elsewhere);
const REFUND = wordMatcher(lexicon.refund);
const PAID_WITH = new Set(both(lexicon.paidWith));
const OF_WORDS = new Set(both(lexicon.ofWords));

export function describeKind(kind: SensitiveKind): string {
  return KINDS[kind].what;
}

/** The sensitive terms of a sentence: a `withCard` term counts when a card is named too (a card term is a card). */
function termsIn(tokens: readonly Token[]): PhraseMatch<SensitiveKind>[] {
  const terms = TERMS.matchTokens(tokens);
  const onCard = CARD_TERMS.matchTokens(tokens);
  if (!onCard.length) return terms;
  if (!CARD_WORDS.matchTokens(tokens).length && !terms.some((t) => CARD_DATA_KINDS.has(t.entry))) return terms;
  // a term both lists know ("card security code") is one term, not two
  return [...terms, ...onCard.filter((c) => !terms.some((t) => t.from < c.to && c.from < t.to))].sort((a, b) => a.from - b.from);
}

function wordsOf(lang: 'en' | 'nl'): Set<string> {
  const out = new Set<string>();
  const lists: Lang[] = [lexicon.possessives, lexicon.giveVerbs, lexicon.questionStarts, lexicon.needWords, lexicon.negations, ...SENSITIVE_KINDS.map((k) => KINDS[k])];
  for (const l of lists) for (const phrase of l[lang]) for (const t of tokenize(phrase)) out.add(t.norm);
  return out;
}
const EN_WORDS = wordsOf('en');
const NL_WORDS = wordsOf('nl');
const NL_INFORMAL = new Set(['je', 'jij', 'jouw', 'jullie']);

/** The language (and, for Dutch, the form of address) a sentence of a request is written in. */
export function requestLanguage(sentence: string): 'en' | 'nl-formal' | 'nl-informal' {
  const tokens = tokenize(sentence);
  const nl = tokens.filter((t) => NL_WORDS.has(t.norm) && !EN_WORDS.has(t.norm)).length;
  const en = tokens.filter((t) => EN_WORDS.has(t.norm) && !NL_WORDS.has(t.norm)).length;
  if (nl <= en) return 'en';
  return tokens.some((t) => NL_INFORMAL.has(t.norm)) ? 'nl-informal' : 'nl-formal';
}

export interface RequestOptions {
  /** The text is the question of an `ask()`: naming "your X" is enough to be a request. */
  asked?: boolean;
}

/** Sentences of a message that ask the reader to hand over sensitive data. */
export function findSensitiveRequests(text: string, opts: RequestOptions = {}): SensitiveRequest[] {
  const out: SensitiveRequest[] = [];
  const refund = REFUND.matchTokens(tokenize(text)).length > 0;
  for (const s of sentences(text)) {
    const tokens = tokenize(s.text);
    const terms = termsIn(tokens);
    if (!terms.length) continue;
    // "online" of "your online banking password" is part of the term, not a pointer to a website
    const elsewhere = ELSEWHERE.matchTokens(tokens).filter((m) => !terms.some((t) => t.from <= m.from && m.to <= t.to));
    if (NEGATIONS.matchTokens(tokens).length || elsewhere.length) continue;
    const give = tokens.some((t) => GIVE.has(t.norm));
    const imperative = startsWithVerb(tokens);
    const question = QUESTION_STARTS.some((q) => startsWith(tokens, q));
    const need = NEED.matchTokens(tokens).length > 0;
    const shortQuestion = s.text.trim().endsWith('?') && tokens.length <= 4;
    for (const t of terms) {
      if (t.entry === 'iban' && refund) continue;
      const before = tokens.slice(Math.max(0, t.from - 3), t.from);
      const possessed = before.some((x) => POSSESSIVES.has(x.norm)) || ownedAfter(tokens, t.to);
      if (paidWith(tokens, t.from)) continue;
      const asks = (give && (possessed || imperative || question)) || (question && possessed) || (need && possessed) || shortQuestion || (!!opts.asked && possessed);
      if (asks && !out.some((o) => o.kind === t.entry && o.start === s.start)) out.push({ kind: t.entry, start: s.start, end: s.start + s.text.length });
    }
  }
  return out;
}

/** A form field label or name that asks for sensitive data ("Creditcardnummer", "IBAN", "cardNumber"). */
export function fieldAsksFor(label: string, isIdentifier = false): SensitiveKind | undefined {
  const tokens = isIdentifier ? identifierWords(label).map((w, i) => ({ norm: w, raw: w, start: i, end: i })) : tokenize(label);
  if (!tokens.length || tokens.length > 6) return undefined;
  if (NEGATIONS.matchTokens(tokens).length || ELSEWHERE.matchTokens(tokens).length) return undefined;
  const kind = termsIn(tokens)[0]?.entry;
  if (kind === 'iban' && REFUND.matchTokens(tokens).length) return undefined;
  return kind;
}

/** The sensitive kind an identifier names (`cardNumber`, `cvv`, `pinCode`, `wachtwoord`), if any. */
export function identifierKind(name: string): SensitiveKind | undefined {
  const words = identifierWords(name);
  if (words.length > 4) return undefined;
  const tokens: Token[] = words.map((w, i) => ({ norm: w, raw: w, start: i, end: i }));
  return termsIn(tokens)[0]?.entry;
}

/** "met uw pin", "with your card number": a means of payment, not data handed over; "reply with your PIN" hands it over. */
function paidWith(tokens: readonly Token[], termAt: number): boolean {
  let i = termAt - 1;
  if (i >= 0 && POSSESSIVES.has(tokens[i]!.norm)) i--;
  return i >= 0 && PAID_WITH.has(tokens[i]!.norm) && !(i > 0 && GIVE.has(tokens[i - 1]!.norm));
}

/** "the PIN of your card", "het wachtwoord van je account": the reader's own, named after the term. */
function ownedAfter(tokens: readonly Token[], termEnd: number): boolean {
  return OF_WORDS.has(tokens[termEnd]?.norm ?? '') && POSSESSIVES.has(tokens[termEnd + 1]?.norm ?? '');
}

function startsWith(tokens: readonly Token[], words: readonly string[]): boolean {
  // allow one leading filler word: "Dus wat is uw …", "And what's your …"
  for (let off = 0; off <= 1; off++) {
    if (words.every((w, k) => tokens[off + k]?.norm === w)) return true;
  }
  return false;
}

function startsWithVerb(tokens: readonly Token[]): boolean {
  const first = tokens[0]?.norm;
  const second = tokens[1]?.norm;
  if (first && GIVE.has(first)) return true;
  return (first === 'please' || first === 'graag' || first === 'even') && !!second && GIVE.has(second);
}

/** Other names the manifest may use for a kind. */
const KIND_ALIASES: Record<string, SensitiveKind> = { 'card-number': 'card', creditcard: 'card', cvc: 'cvv', expiry: 'card-expiry', bsn: 'national-id', ssn: 'national-id' };

/** `dataProtection.sensitiveDataExceptions: [{ kind, reason }]`: kinds the app declares it needs, with a reason. */
export function declaredSensitiveExceptions(app: AppInfo | undefined): Set<SensitiveKind> {
  const out = new Set<SensitiveKind>();
  for (const e of app?.manifestObject()?.dataProtection?.sensitiveDataExceptions ?? []) {
    if (!e) continue;
    const { kind, reason } = e;
    const k = kind !== undefined ? (KIND_ALIASES[kind.toLowerCase()] ?? kind.toLowerCase()) : undefined;
    if (k && reason?.trim() && (SENSITIVE_KINDS as string[]).includes(k)) out.add(k as SensitiveKind);
  }
  return out;
}

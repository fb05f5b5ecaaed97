/** Word tokens and whole-token phrase matching, shared by the text rules (F.2, C.2/C.3, D.2). */
import { memoByText } from '../text-memo';

export interface Token {
  /** Lower-cased word. */
  readonly norm: string;
  /** The word as written. */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

// Letters and digits, with inner apostrophes kept ("what's", "z'n", "da's"); hyphens split words.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const ADDRESS_CHAR = /[^\s'"<>`]/;
const SCHEME_CHAR = /[a-z0-9+.-]/i;

/**
 * The word tokens of a text; shared between callers, so never mutate the result. The text rules tokenize
 * the same message strings on every keystroke (and several rules the same string): recent texts are kept.
 */
export const tokenize: (text: string) => readonly Token[] = memoByText(tokenizeText, { maxChars: 128 * 1024, maxText: 4096 });

function tokenizeText(text: string): Token[] {
  const clean = blankAddresses(text);
  const out: Token[] = [];
  for (const m of clean.matchAll(WORD)) {
    const raw = m[0].replace(/’/g, "'");
    out.push({ norm: raw.toLowerCase(), raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * URLs (`scheme://…`) and e-mail addresses (`x@y`) are addresses, not words a person reads as language:
 * they are blanked out, offsets kept. Scanned outwards from each `://` and `@`, so no regex backtracks.
 */
function blankAddresses(text: string): string {
  if (!text.includes('://') && !text.includes('@')) return text;
  const blank: boolean[] = new Array<boolean>(text.length).fill(false);
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    let from = at;
    while (from > 0 && at - from < 20 && SCHEME_CHAR.test(text[from - 1]!)) from--;
    let to = at + 3;
    while (to < text.length && ADDRESS_CHAR.test(text[to]!)) to++;
    blank.fill(true, from, to);
  }
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let from = at;
    while (from > 0 && at - from < 64 && text[from - 1] !== '@' && ADDRESS_CHAR.test(text[from - 1]!)) from--;
    let to = at + 1;
    while (to < text.length && to - at < 256 && text[to] !== '@' && ADDRESS_CHAR.test(text[to]!)) to++;
    if (from < at && to > at + 1) blank.fill(true, from, to);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) out += blank[i] ? ' ' : text[i];
  return out;
}

const upper = (c: string | undefined) => !!c && c >= 'A' && c <= 'Z';
const lower = (c: string | undefined) => !!c && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));

/** `cardNumber`, `card_number`, `CARD-NO`, `IBANNumber` → ['card', 'number'], ['card', 'no'], ['iban', 'number']. */
export function identifierWords(name: string): string[] {
  const words: string[] = [];
  let cur = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (!upper(c) && !lower(c)) {
      if (cur) words.push(cur);
      cur = '';
      continue;
    }
    // a word starts at a capital after a small letter, or at the last capital of a run before a small one
    if (cur && upper(c) && (lower(name[i - 1]) || lower(name[i + 1]))) {
      words.push(cur);
      cur = '';
    }
    cur += c;
  }
  if (cur) words.push(cur);
  return words.map((w) => w.toLowerCase());
}

export interface PhraseMatch<T> {
  entry: T;
  /** Index of the first and one past the last token matched. */
  from: number;
  to: number;
}

/**
 * Matches whole tokens and multi-word phrases: single words in a Set, phrases indexed by their first
 * word, so a text is checked in one pass without building a giant alternation regex.
 */
export class PhraseMatcher<T> {
  private readonly words = new Map<string, T>();
  private readonly phrases = new Map<string, { rest: string[]; entry: T }[]>();
  /** Entries that are no words at all (emoji): matched as substrings. */
  private readonly symbols: { text: string; entry: T }[] = [];

  add(phrase: string, entry: T): void {
    const words = tokenize(phrase).map((t) => t.norm);
    if (words.length === 0) {
      if (phrase.trim()) this.symbols.push({ text: phrase.trim(), entry });
    } else if (words.length === 1) {
      if (!this.words.has(words[0]!)) this.words.set(words[0]!, entry);
    } else {
      const list = this.phrases.get(words[0]!) ?? [];
      list.push({ rest: words.slice(1), entry });
      this.phrases.set(words[0]!, list);
    }
  }

  /** Every match in the tokens, longest phrase first at each position. */
  matchTokens(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const w = tokens[i]!.norm;
      let best: PhraseMatch<T> | undefined;
      const candidates = this.phrases.get(w);
      if (candidates) {
        for (const p of candidates) {
          if (i + p.rest.length >= tokens.length) continue;
          if (restMatches(tokens, i + 1, p.rest) && (!best || best.to < i + 1 + p.rest.length)) best = { entry: p.entry, from: i, to: i + 1 + p.rest.length };
        }
      }
      const single = this.words.get(w);
      if (best) out.push(best);
      else if (single !== undefined) out.push({ entry: single, from: i, to: i + 1 });
    }
    return out;
  }

  /** Symbol entries (emoji) found in the raw text, with their offsets. */
  matchSymbols(text: string): { entry: T; start: number; end: number }[] {
    const out: { entry: T; start: number; end: number }[] = [];
    for (const s of this.symbols) {
      const at = text.indexOf(s.text);
      if (at >= 0) out.push({ entry: s.entry, start: at, end: at + s.text.length });
    }
    return out;
  }

  has(phrase: string): boolean {
    const words = tokenize(phrase).map((t) => t.norm);
    if (words.length === 1) return this.words.has(words[0]!);
    return (this.phrases.get(words[0] ?? '') ?? []).some((p) => p.rest.join(' ') === words.slice(1).join(' '));
  }
}

/** The words of `rest` follow at `at` (a loop, not a closure per token: text rules call this for every word). */
function restMatches(tokens: readonly Token[], at: number, rest: readonly string[]): boolean {
  for (let k = 0; k < rest.length; k++) if (tokens[at + k]!.norm !== rest[k]) return false;
  return true;
}

/** Splits a text into sentences (by . ! ? : ; and line breaks), keeping offsets; the end mark stays with its sentence. */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const breaks = c === '\n' || ('.!?:;'.includes(c) && (i + 1 >= text.length || /\s/.test(text[i + 1]!)));
    if (breaks) {
      if (text.slice(start, i + 1).trim()) out.push({ text: text.slice(start, i + 1), start });
      start = i + 1;
    }
  }
  if (text.slice(start).trim()) out.push({ text: text.slice(start), start });
  return out;
}

import en from 'naughty-words/en.json';
import nl from 'naughty-words/nl.json';
import allow from '../../data/lexicons/profanity-allow.json';
import dutch from '../../data/lexicons/profanity-nl.json';
import { PhraseMatcher, tokenize, type Token } from './tokens';

/**
 * Vulgar and obscene words (English and Dutch) from the maintained naughty-words lists and our list of
 * everyday Dutch curses and their compounds, minus an automotive allow-list: "grote beurt" is a car
 * service, "spuiten" is spray painting, "escort" a Ford.
 */
export interface ProfanityHit {
  /** The list entry that matched, as the list spells it. */
  word: string;
  start: number;
  end: number;
}

interface Entry { word: string; nameOnly: boolean }

const ALLOWED = new Set(Object.keys(allow.words).map(normal));
const NAMES = new Set(Object.keys(allow.names).map(normal));

function normal(phrase: string): string {
  return tokenize(phrase).map((t) => t.norm).join(' ') || phrase.trim();
}

let built: { matcher: PhraseMatcher<Entry>; unknownAllowEntries: string[] } | undefined;

function build(): { matcher: PhraseMatcher<Entry>; unknownAllowEntries: string[] } {
  const matcher = new PhraseMatcher<Entry>();
  const listed = new Set<string>();
  for (const word of [...(en as string[]), ...(nl as string[]), ...dutch.words]) {
    const key = normal(word);
    listed.add(key);
    if (ALLOWED.has(key)) continue;
    matcher.add(word, { word, nameOnly: NAMES.has(key) });
  }
  const unknownAllowEntries = [...ALLOWED, ...NAMES].filter((k) => !listed.has(k));
  return { matcher, unknownAllowEntries };
}

function matcher(): PhraseMatcher<Entry> {
  return (built ??= build()).matcher;
}

/** Allow-list entries that no list contains any more: the allow-list has gone stale. */
export function staleAllowEntries(): string[] {
  return (built ??= build()).unknownAllowEntries;
}

/** Vulgar or obscene words in a text, as whole tokens or phrases. */
export function findProfanity(text: string): ProfanityHit[] {
  const tokens = tokenize(text);
  const out: ProfanityHit[] = [];
  for (const m of matcher().matchTokens(tokens)) {
    const first = tokens[m.from]!;
    if (m.entry.nameOnly && m.to - m.from === 1 && isWrittenAsName(first.raw)) continue;
    out.push({ word: m.entry.word, start: first.start, end: tokens[m.to - 1]!.end });
  }
  if (tokens.length) {
    const matched = new Set(out.map((h) => h.start));
    for (const t of tokens) {
      // a capitalised word mid-sentence is a name ("in Kutenholz"), not a compound curse
      const head = matched.has(t.start) || (isWrittenAsName(t.raw) && !startsSentence(text, t.start)) ? undefined : curseCompoundHead(t);
      if (head) out.push({ word: t.norm, start: t.start, end: t.end });
    }
  }
  for (const s of matcher().matchSymbols(text)) out.push({ word: s.entry.word, start: s.start, end: s.end });
  return out.sort((a, b) => a.start - b.start);
}

const ANY_TAIL = dutch.compounds.anyTail;
const CURSE_TAIL = dutch.compounds.curseTail;
const TAILS = new Set(dutch.compounds.tails);
const MIN_TAIL = dutch.compounds.minTail;

/** `kutauto`, `klotedag`, `kankerzooi`: the curse a Dutch compound starts with (not `kankeronderzoek`, `klerenkast`). */
function curseCompoundHead(t: Token): string | undefined {
  const w = t.norm;
  if (w.length < 3 + MIN_TAIL) return undefined;
  for (const h of ANY_TAIL) if (w.length - h.length >= MIN_TAIL && w.startsWith(h)) return h;
  for (const h of CURSE_TAIL) if (w.startsWith(h) && TAILS.has(w.slice(h.length))) return h;
  return undefined;
}

/** Nothing but spaces and quotes since the text's start or the end of a sentence (. ! ? : or a line break). */
function startsSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '"' || c === "'" || c === '(') continue;
    return '.!?:\n'.includes(c);
  }
  return true;
}

function isWrittenAsName(raw: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(raw);
}

/** A word shown in a finding without spelling it out: "f***". */
export function maskWord(word: string): string {
  return word
    .split(/(\s+)/)
    .map((w) => (/\s/.test(w) || w.length <= 1 ? w : w[0] + '*'.repeat(Math.min(w.length - 1, 6))))
    .join('');
}

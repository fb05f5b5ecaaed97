import brands from '../../data/brands.json';
import type { JsonDocument } from './json-document';

/** The listing texts a dealer reads in the marketplace. */
export const LISTING_TEXT_POINTERS = ['/name', '/description', '/listing/shortDescription'] as const;

export interface ListingText {
  pointer: string;
  text: string;
  /** `text` with URLs, e-mail addresses, code spans and identifiers blanked (same length, same offsets). */
  prose: string;
}

export function listingTexts(doc: JsonDocument | undefined, pointers: readonly string[] = LISTING_TEXT_POINTERS): ListingText[] {
  if (!doc?.isObject) return [];
  const out: ListingText[] = [];
  for (const pointer of pointers) {
    const v = doc.get(pointer);
    if (typeof v === 'string' && v.trim()) out.push({ pointer, text: v, prose: proseOnly(v) });
  }
  return out;
}

/** The app's README, beside its manifest, in the spellings people use. */
export const README_NAMES: readonly string[] = ['README.md', 'readme.md', 'Readme.md', 'README.markdown', 'README'];

/** The README's prose: where the app presents itself to whoever installs it, besides the listing. */
export interface ReadmeText {
  file: string;
  text: string;
  /** `text` with code blocks, HTML, link targets and what proseOnly blanks made spaces (same offsets). */
  prose: string;
}

/** The README of an app folder, when the engine was given it (`paths` and `read` as an app rule's context has them). */
export function readmeText(root: string, paths: readonly string[], read: (path: string) => string | undefined): ReadmeText | undefined {
  for (const name of README_NAMES) {
    const file = `${root}/${name}`;
    if (!paths.includes(file)) continue;
    const text = read(file);
    if (text !== undefined) return { file, text, prose: markdownProse(text) };
  }
  return undefined;
}

/** Markdown's own marks between words (headings, emphasis, table bars, quotes): a space each, so phrases still match. */
const MARKS = new Set(['#', '*', '_', '|', '>']);

/**
 * The README with code blocks, HTML tags and comments, link targets and markdown marks made spaces (a claim is a
 * sentence of prose: code and markup would only make false matches), then proseOnly. Offsets stay the same.
 * A hand scan, not patterns: a README can be large and arbitrary.
 */
function markdownProse(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' ';
  };
  let fence: string | undefined;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const marker = line.trimStart().slice(0, 3);
    if (fence) {
      blank(start, end);
      if (marker === fence) fence = undefined;
    } else if (marker === '```' || marker === '~~~') {
      fence = marker;
      blank(start, end);
    } else blankMarkup(text, start, end, blank);
    start = end + 1;
  }
  for (let i = 0; i < out.length; i++) if (MARKS.has(out[i]!)) out[i] = ' ';
  return proseOnly(out.join(''));
}

/** HTML tags and comments and link targets `](…)` within one line. */
function blankMarkup(text: string, start: number, end: number, blank: (from: number, to: number) => void): void {
  for (let i = start; i < end; i++) {
    if (text[i] === '<') {
      const close = text.indexOf('>', i);
      if (close > i && close < end) {
        blank(i, close + 1);
        i = close;
      }
    } else if (text[i] === ']' && text[i + 1] === '(') {
      const close = text.indexOf(')', i);
      if (close > i && close < end) {
        blank(i + 1, close + 1);
        i = close;
      }
    }
  }
}

const CODE_SPAN_RE = /`[^`\n]{0,300}`/g;
const WORD_RE = /\S+/g;
const TOKEN_RE = /[A-Za-z0-9_@/.-]{1,300}/g;

/**
 * Blanks what is not prose (so brand, claim and spelling rules skip `api.web1on1.chat`,
 * `support@web1on1.chat`, `web1on1-app.json`), keeping offsets.
 */
export function proseOnly(text: string): string {
  const blank = (s: string) => ' '.repeat(s.length);
  return text.replace(CODE_SPAN_RE, blank).replace(WORD_RE, (word) => {
    if (word.includes('://') || word.includes('@') || /^\W{0,3}www\./i.test(word)) return blank(word);
    return word.replace(TOKEN_RE, (tok) => (/[A-Za-z0-9]\.[A-Za-z]/.test(tok) || /[/_]/.test(tok) ? blank(tok) : tok));
  });
}

/** File offsets of `text[start, end)` of the JSON string at `pointer` (escapes counted), or undefined. */
export function fileRange(doc: JsonDocument, pointer: string, start: number, end: number): { start: number; end: number } | undefined {
  const node = doc.node(pointer);
  if (!node || node.type !== 'string') return undefined;
  const raw = doc.text.slice(node.offset + 1, node.offset + node.length - 1);
  const at: number[] = [];
  for (let i = 0; i < raw.length; ) {
    at.push(i);
    if (raw[i] !== '\\') i++;
    else i += raw[i + 1] === 'u' ? 6 : 2;
  }
  at.push(raw.length);
  if (end >= at.length) return undefined;
  return { start: node.offset + 1 + at[start]!, end: node.offset + 1 + at[end]! };
}

export type BrandKind = 'car brand' | 'platform' | 'automotive organisation' | 'Web1on1';
export interface BrandMention { brand: string; kind: BrandKind; start: number; end: number; text: string }

interface BrandEntry { name: string; forms?: string[]; caseSensitive?: boolean }
const KIND_OF: Record<string, BrandKind> = { carBrands: 'car brand', platforms: 'platform', automotive: 'automotive organisation' };

/** Any spelling of the Web1on1 brand, right or wrong ("Web1on1", "Web1On1", "Web 1on1", "WebOneOnOne", "Web1-on-1"). */
export const WEB1ON1_SPELLING = /(?<![\p{L}\p{N}])web[ \t-]{0,2}(?:1|one)[ \t-]{0,2}on[ \t-]{0,2}(?:1|one)(?![\p{L}\p{N}])/giu;
export const WEB1ON1 = 'Web1on1';

/** Words and the symbols brand names contain ("Lynk & Co", "smart #1"); offsets are kept. */
const TOKEN = /[\p{L}\p{N}]+|[&#+]/gu;
/** Between the words of one name: spaces or hyphens ("Mercedes-Benz", "Alfa Romeo"). */
const NAME_GAP = /^[ \t-]{0,3}$/;

interface Token { text: string; start: number; end: number }
interface BrandForm { words: string[]; caseSensitive: boolean; brand: string; kind: BrandKind }

function tokens(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Forms by their first word (lower case), longest first, so "Mercedes-Benz" wins over "Mercedes". */
const FORMS_BY_FIRST_WORD = new Map<string, BrandForm[]>();
for (const [group, kind] of Object.entries(KIND_OF)) {
  for (const b of (brands as unknown as Record<string, BrandEntry[]>)[group] ?? []) {
    for (const form of b.forms ?? [b.name]) {
      const words = tokens(form).map((t) => t.text);
      const key = words[0]!.toLowerCase();
      FORMS_BY_FIRST_WORD.set(key, [...(FORMS_BY_FIRST_WORD.get(key) ?? []), { words, caseSensitive: !!b.caseSensitive, brand: b.name, kind }]);
    }
  }
}
for (const list of FORMS_BY_FIRST_WORD.values()) list.sort((a, b) => b.words.length - a.words.length);

function formAt(text: string, toks: Token[], i: number): { form: BrandForm; last: number } | undefined {
  for (const form of FORMS_BY_FIRST_WORD.get(toks[i]!.text.toLowerCase()) ?? []) {
    const ok = form.words.every((w, k) => {
      const t = toks[i + k];
      if (!t || (form.caseSensitive ? t.text !== w : t.text.toLowerCase() !== w.toLowerCase())) return false;
      return k === 0 || NAME_GAP.test(text.slice(toks[i + k - 1]!.end, t.start));
    });
    if (ok) return { form, last: i + form.words.length - 1 };
  }
  return undefined;
}

/** Third-party names (brands.json) and, with `web1on1`, the Web1on1 brand in any spelling, in text order. */
export function brandMentions(prose: string, opts: { web1on1?: boolean } = {}): BrandMention[] {
  const out: BrandMention[] = [];
  if (opts.web1on1) {
    WEB1ON1_SPELLING.lastIndex = 0;
    for (let m = WEB1ON1_SPELLING.exec(prose); m; m = WEB1ON1_SPELLING.exec(prose)) out.push({ brand: WEB1ON1, kind: 'Web1on1', start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  const toks = tokens(prose);
  for (let i = 0; i < toks.length; i++) {
    const hit = formAt(prose, toks, i);
    if (!hit) continue;
    const start = toks[i]!.start;
    const end = toks[hit.last]!.end;
    if (!out.some((o) => o.start < end && start < o.end)) out.push({ brand: hit.form.brand, kind: hit.form.kind, start, end, text: prose.slice(start, end) });
    i = hit.last;
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Words after a brand that make the mention nominative: it names the dealer's make or the channel the
 * app works with ("for BMW dealers", "official BMW dealers", "WhatsApp Business API").
 */
export const NOMINATIVE_NOUNS = /^[\s-]{0,3}(?:dealers?|dealerships?|dealerbedrijf|dealerbedrijven|garages?|workshops?|werkplaats(?:en)?|importers?|importeurs?|models?|modellen|owners?|drivers?|rijders|vehicles?|cars?|auto'?s|klanten|customers|api|apis|sdk|rest|docs|documentation|documentatie|webhooks?|platform|business api|cloud api|business platform)(?![\p{L}\p{N}])/iu;

export interface BrandMisspelling { start: number; end: number; found: string; /** Lower case mid-sentence: a nit, not a misspelling. */ nit: boolean }

/** Spellings of Web1on1 other than "Web1on1" in prose; `title` text has no mid-sentence position. */
export function brandMisspellings(prose: string, title: boolean): BrandMisspelling[] {
  const out: BrandMisspelling[] = [];
  WEB1ON1_SPELLING.lastIndex = 0;
  for (let m = WEB1ON1_SPELLING.exec(prose); m; m = WEB1ON1_SPELLING.exec(prose)) {
    if (m[0] === WEB1ON1) continue;
    const nit = m[0] === 'web1on1' && !title && !startsSentence(prose.slice(0, m.index));
    out.push({ start: m.index, end: m.index + m[0].length, found: m[0], nit });
  }
  return out;
}

function startsSentence(before: string): boolean {
  const trimmed = before.trimEnd();
  return trimmed === '' || '.!?:'.includes(trimmed[trimmed.length - 1]!) || before.slice(trimmed.length).includes('\n');
}

const WORD = /[\p{L}\p{N}'’]+/gu;
const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'neither', "isn't", "isn’t", "aren't", "aren’t", "doesn't", "doesn’t", 'niet', 'geen', 'nooit', 'noch']);

/** A negation among the last `words` words of the sentence before `at`: "not made or endorsed by …", "no app is 100% secure". */
export function negatedBefore(prose: string, at: number, words: number): boolean {
  const before = prose.slice(Math.max(0, at - 120), at);
  const sentence = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('!'), before.lastIndexOf('?')) + 1);
  return (sentence.match(WORD) ?? []).slice(-words).some((w) => NEGATIONS.has(w.toLowerCase()));
}

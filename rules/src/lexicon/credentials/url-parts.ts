// Where URLs sit inside a string, and which parts of them carry credentials (query, fragment, user-info).
// credential-in-url reports credentials there; hardcoded-credential leaves those to it.

/** Template holes and other unknown parts are written as one private-use character each. */
export const HOLE_BASE = 0xe000;
export const MAX_HOLES = 2000;

export function isHole(c: string): boolean {
  const code = c.charCodeAt(0);
  return code >= HOLE_BASE && code < HOLE_BASE + MAX_HOLES;
}

export interface UrlSpan { start: number; url: string }

/** URLs in a text: each `scheme://…` up to whitespace, or the whole text when it starts as a path or query. */
export function urlSpans(text: string): UrlSpan[] {
  const out: UrlSpan[] = [];
  const first = text.charAt(0);
  if (first === '/' || first === '?' || first === '&' || isHole(first)) out.push({ start: 0, url: text.split(/\s/, 1)[0]! });
  for (let at = text.indexOf('://'); at > 0; at = text.indexOf('://', at + 3)) {
    const start = schemeStart(text, at);
    if (start >= 0) out.push({ start, url: text.slice(start).split(/\s/, 1)[0]! });
  }
  return out;
}

/** Where the scheme before `://` at `at` begins (a letter, then letters, digits, + . -), or -1. */
function schemeStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 32 && /[A-Za-z0-9+.-]/.test(text.charAt(i - 1))) i--;
  while (i < at && !/[A-Za-z]/.test(text.charAt(i))) i++;
  return i < at ? i : -1;
}

/** The user-info of `scheme://user:password@host`, when it has a password part. */
export function userinfoOf(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]{0,30}:\/\/([^/?#@\s]{0,256})@/i.exec(url);
  const info = m?.[1];
  return info && info.includes(':') ? info : undefined;
}

/** Where the query (or fragment) of a URL begins, or 0 for a bare `&a=b` / `${base}a=b` continuation; -1 when none. */
export function queryStart(url: string): number {
  const q = url.search(/[?#]/);
  if (q >= 0) return q + 1;
  return url.startsWith('&') || isHole(url.charAt(0)) ? 0 : -1;
}

/** The character at `index` lies in the query, fragment or user-info of a URL in `text`. */
export function inUrlCredentialPart(text: string, index: number): boolean {
  if (index < 0) return false;
  for (const { start, url } of urlSpans(text)) {
    const rel = index - start;
    if (rel < 0 || rel >= url.length) continue;
    const q = queryStart(url);
    if (q >= 0 && rel >= q) return true;
    const info = userinfoOf(url);
    if (info && rel < url.indexOf('@')) return true;
  }
  return false;
}

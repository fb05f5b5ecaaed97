/** String helpers that replace regexes recheck rates polynomial (trailing runs, trims). */

export function trimTrailing(s: string, ch: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === ch) end--;
  return s.slice(0, end);
}

export function trimLeading(s: string, ch: string): string {
  let start = 0;
  while (start < s.length && s[start] === ch) start++;
  return s.slice(start);
}

export function trimChar(s: string, ch: string): string {
  return trimTrailing(trimLeading(s, ch), ch);
}

/**
 * The one region that differs between two texts: [start, oldEnd) in the old one is [start, newEnd) in the new.
 * Its edges never fall between the `\r` and `\n` of a line break or inside a surrogate pair (no position names
 * such a place): the region is widened over the pair instead.
 */
export interface ChangedRegion { start: number; oldEnd: number; newEnd: number }

const CHUNK = 512;

export function changedRegion(oldText: string, newText: string): ChangedRegion | undefined {
  if (oldText === newText) return undefined;
  const max = Math.min(oldText.length, newText.length);
  // whole chunks first, compared natively: a loop over every character of a 700 kB file took ms per keystroke
  let start = 0;
  while (start + CHUNK <= max && oldText.slice(start, start + CHUNK) === newText.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  if (splitsPair(oldText, start) || splitsPair(newText, start)) start--;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd - CHUNK >= start && newEnd - CHUNK >= start && oldText.slice(oldEnd - CHUNK, oldEnd) === newText.slice(newEnd - CHUNK, newEnd)) {
    oldEnd -= CHUNK;
    newEnd -= CHUNK;
  }
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  // the character at oldEnd (= the one at newEnd) is common to both: taking it in keeps the region consistent
  if (splitsPair(oldText, oldEnd) || splitsPair(newText, newEnd)) {
    oldEnd++;
    newEnd++;
  }
  return { start, oldEnd, newEnd };
}

/** Whether `offset` falls between the two halves of a `\r\n` or of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

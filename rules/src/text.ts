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

/** The one region that differs between two texts: [start, oldEnd) in the old one is [start, newEnd) in the new. */
export interface ChangedRegion { start: number; oldEnd: number; newEnd: number }

export function changedRegion(oldText: string, newText: string): ChangedRegion | undefined {
  if (oldText === newText) return undefined;
  const max = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

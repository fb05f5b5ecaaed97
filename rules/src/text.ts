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

/**
 * Remembers a pure function of one string across analyses: the language server re-checks the same
 * literals and names on every keystroke. Bounded by dropping everything when full, and long texts
 * (rare, and costly to keep) are computed each time. Results are shared, so callers must not mutate them.
 */
export function memoByText<T>(fn: (text: string) => T, limit = 4096, maxLength = 512): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    if (text.length > maxLength) return fn(text);
    const hit = memo.get(text);
    if (hit !== undefined || memo.has(text)) return hit as T;
    if (memo.size >= limit) memo.clear();
    const value = fn(text);
    memo.set(text, value);
    return value;
  };
}

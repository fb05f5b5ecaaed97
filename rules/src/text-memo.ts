/**
 * Remembers a pure function of one string across analyses: the language server re-checks the same literals
 * and names on every keystroke. Texts longer than `maxText` are computed each time (rare, and costly to
 * keep); the oldest entries go once the kept texts add up to `maxChars`. Results are shared: callers must
 * not mutate them.
 */
export function memoByText<T>(fn: (text: string) => T, opts: { maxChars: number; maxText: number }): (text: string) => T {
  const memo = new Map<string, T>();
  let chars = 0;
  return (text) => {
    if (text.length > opts.maxText) return fn(text);
    const hit = memo.get(text);
    if (hit !== undefined || memo.has(text)) return hit as T;
    const value = fn(text);
    memo.set(text, value);
    chars += text.length;
    for (const oldest of memo.keys()) {
      if (chars <= opts.maxChars) break;
      memo.delete(oldest);
      chars -= oldest.length;
    }
    return value;
  };
}

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
    // computed on the copy too: a result's substrings would otherwise hold the whole file as well
    const key = detached(text);
    const value = fn(key);
    memo.set(key, value);
    chars += key.length;
    for (const oldest of memo.keys()) {
      if (chars <= opts.maxChars) break;
      memo.delete(oldest);
      chars -= oldest.length;
    }
    return value;
  };
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 represents a substring (a
 * name or literal taken from a file's text) as a view of the whole text: a kept key would keep every
 * edited version of an open file alive, bounded by the key count rather than by `maxChars`.
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

// Web1on1 sometimes answers 429 under load; keep trying until it goes through.
export async function withRetry<T>(fn: () => Promise<T>, attempts = 50): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

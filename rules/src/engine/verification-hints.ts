// Webhook signature middleware imported from another module of the app: each importing file learns what the
// exports it imports do (verify or not), read from the exporting module's facts, instead of trusting names.
import { VERIFIER_NAME } from '../webhook/signature-checks';
import type { FileResult } from './types';

/**
 * For each file that imports (relatively) a module with verifier exports: specifier → export name → verdict.
 * Only what can change the importing file's result is passed on (an export that verifies, or one its name or
 * the name it is imported under would have passed for a verifier), so files that import ordinary helpers are
 * not analysed again.
 */
export function webhookVerifierHints(
  results: ReadonlyMap<string, FileResult>,
  lookup: (from: string, spec: string) => string | undefined,
): Map<string, Record<string, Record<string, boolean>>> {
  const out = new Map<string, Record<string, Record<string, boolean>>>();
  for (const [f, r] of results) {
    for (const imp of r.facts?.relativeImports ?? []) {
      const target = lookup(f, imp.spec);
      const exported = target ? results.get(target)?.facts?.webhookVerifiers : undefined;
      if (!exported) continue;
      const importedAsVerifier = imp.names.some((n) => VERIFIER_NAME.test(n));
      const relevant: Record<string, boolean> = {};
      for (const [name, verifies] of Object.entries(exported)) {
        if (verifies || VERIFIER_NAME.test(name) || (name === 'default' && importedAsVerifier)) relevant[name] = verifies;
      }
      if (!Object.keys(relevant).length) continue;
      out.set(f, { ...out.get(f), [imp.spec]: relevant });
    }
  }
  return out;
}

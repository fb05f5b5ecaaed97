// What files learn from their neighbours' facts: SDK module factories, SDK instances passed to imported
// functions, HTTP clients exported by other modules, and imported webhook signature verifiers.
import { resolveRelative } from '../bindings';
import type { FileHints } from '../model/file-model';
import type { FileResult } from './types';
import { webhookVerifierHints } from './verification-hints';

export function neighbourHints(results: ReadonlyMap<string, FileResult>, codeFiles: readonly string[]): Map<string, FileHints> {
  const out = new Map<string, FileHints>();
  const files = new Map(codeFiles.map((f) => [f, true]));
  const lookup = (from: string, spec: string) => resolveRelative(from, spec, files);
  for (const [f, r] of results) {
    if (!r.facts) continue;
    for (const spec of r.facts.sdkModuleSpecifiers) {
      const target = lookup(f, spec);
      if (target) out.set(target, { ...out.get(target), sdkModuleFactory: true });
    }
    for (const p of r.facts.sdkPassedToImports) {
      const target = lookup(f, p.spec);
      if (!target) continue;
      const prev = out.get(target)?.sdkParams ?? {};
      const positions = [...new Set([...(prev[p.exportName] ?? []), p.argIndex])].sort();
      out.set(target, { ...out.get(target), sdkParams: { ...prev, [p.exportName]: positions } });
    }
    for (const imp of r.facts.relativeImports) {
      const target = lookup(f, imp.spec);
      const exported = target ? results.get(target)?.facts?.exportedHttpClients : undefined;
      if (!exported || !Object.keys(exported).length) continue;
      const clients: Record<string, string> = { ...out.get(f)?.importedHttpClients };
      for (const n of imp.names) {
        const base = (Object.hasOwn(exported, n) ? exported[n] : undefined) ?? (Object.hasOwn(exported, 'default') ? exported['default'] : undefined);
        if (base) clients[n] = base;
      }
      if (Object.keys(clients).length) out.set(f, { ...out.get(f), importedHttpClients: clients });
    }
  }
  for (const [f, verifiers] of webhookVerifierHints(results, lookup)) out.set(f, { ...out.get(f), webhookVerifiers: verifiers });
  return out;
}

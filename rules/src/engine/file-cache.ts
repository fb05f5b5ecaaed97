// Per-file results between runs, keyed by text and context, and shareable with another Engine (the indexing worker).
import { LineIndex } from '../positions';
import type { PreviousAnalysis } from './analyze-file';
import type { ContextKey, FileResult, PortableResult } from './types';

/**
 * Per file, its results, newest last. A file that learns something from its neighbours (hints) is analysed
 * twice per run, without and with them: both variants are kept so neither is recomputed next run.
 */
export class FileResultCache {
  private readonly variants = new Map<string, FileResult[]>();

  find(file: string, text: string, key: ContextKey): FileResult | undefined {
    return this.variants.get(file)?.find((v) => v.text === text && sameKey(v.key, key));
  }

  /** The newest kept syntax tree of the file, to re-parse a new text from, with what its statement-local rules found. */
  latestTree(file: string): PreviousAnalysis | undefined {
    const withTree = [...(this.variants.get(file) ?? [])].reverse().find((v) => v.sourceFile);
    return withTree ? { sourceFile: withTree.sourceFile!, text: withTree.text, statements: withTree.statements } : undefined;
  }

  /** Adds a result; variants of other texts go: their trees are re-used by the re-parse and must not be used again. */
  add(file: string, result: FileResult): void {
    const variants = this.variants.get(file) ?? [];
    this.variants.set(file, [...variants.filter((v) => v.text === result.text).slice(-1), result]);
  }

  export(files: Iterable<string>): PortableResult[] {
    const out: PortableResult[] = [];
    for (const file of files) {
      for (const r of this.variants.get(file) ?? []) out.push({ file, key: r.key, text: r.text, findings: r.findings, facts: r.facts, notice: r.notice, suppressions: r.suppressions, errors: r.errors });
    }
    return out;
  }

  import(results: readonly PortableResult[]): void {
    for (const r of results) {
      if (this.find(r.file, r.text, r.key)) continue; // keeps an open document's tree
      this.add(r.file, { key: r.key, text: r.text, findings: r.findings, facts: r.facts, notice: r.notice, suppressions: r.suppressions, errors: r.errors, lines: new LineIndex(r.text) });
    }
  }

  forget(file: string): void {
    this.variants.delete(file);
  }
}

function sameKey(a: ContextKey, b: ContextKey): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

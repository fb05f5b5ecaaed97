// Findings → LSP diagnostics, as ARCHITECTURE.md says: source, code = rule id, codeDescription.href,
// clause-first message (the engine writes it), exact range, related locations, Unnecessary tag.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Finding } from '../../rules/src/types';
import type { DiagnosticData } from './protocol';
import { ruleDocsUrl } from './rule-info';
import { pathToUri } from './uri';

export const SOURCE = 'policy-lens';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** Identifies a finding within one snapshot of one file (code actions find it again by this). */
export function findingKey(f: Finding): string {
  return `${f.ruleId}@${f.startOffset}-${f.endOffset}`;
}

/** Fits a range of `file` into that file's text (see RangeGuard): no range leaves the server unchecked. */
export type FitRange = (file: string, range: Range, what: string) => Range;

export function toDiagnostic(f: Finding, docsBase: string, version: number | null, fit: FitRange): Diagnostic {
  const href = ruleDocsUrl(f.ruleId, docsBase);
  const data: DiagnosticData = { key: findingKey(f), version };
  const d: Diagnostic = {
    range: fit(f.file, f.range, `${f.ruleId} diagnostic`),
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    message: f.message,
    data,
  };
  if (href) d.codeDescription = { href };
  if (f.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: pathToUri(r.file), range: fit(r.file, r.range, `${f.ruleId} related location`) }, message: r.message }));
  return d;
}

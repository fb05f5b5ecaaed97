// Findings as the engine reports them: a rule's report turned into a located, fingerprinted Finding.
import type { AppInfo } from '../app';
import type { LineIndex } from '../positions';
import { formatMessage, type AppReport, type AppRule, type CodeRule } from '../rule';
import type { Finding, ReportDescriptor, Severity } from '../types';
import { fingerprint } from './fingerprint';

export function finding(ruleId: string, clauses: string[], severity: Severity, message: string, file: string, lines: LineIndex, start: number, end: number): Finding {
  const range = lines.range(start, Math.max(start, end));
  return { ruleId, clauses, severity, message, file, range, startOffset: start, endOffset: Math.max(start, end), fixes: [], fingerprint: fingerprint(lines, range.start.line, ruleId, message) };
}

export function codeFinding(rule: CodeRule, severity: Severity, file: string, lines: LineIndex, d: ReportDescriptor): Finding {
  const text = formatMessage(rule.meta.messages[d.messageId] ?? d.messageId, d.data);
  const clauses = citedClauses(rule.meta.clauses, d.clauses);
  const f = finding(rule.meta.id, clauses, d.severity ?? severity, withClauses(clauses, text), file, lines, d.start, d.end);
  f.fixes = d.fixes ?? [];
  f.related = d.related;
  f.unnecessary = d.unnecessary;
  return f;
}

/** An app rule's report; one at a manifest pointer lands on package.json's "name" when the app has no manifest. */
export function appFinding(rule: AppRule, severity: Severity, app: AppInfo, d: AppReport, lineIndex: (f: string) => LineIndex, files: ReadonlyMap<string, string>): Finding | undefined {
  const text = formatMessage(rule.meta.messages[d.messageId] ?? d.messageId, d.data);
  const clauses = citedClauses(rule.meta.clauses, d.clauses);
  const message = withClauses(clauses, text);
  let file = d.file;
  let start = d.start ?? 0;
  let end = d.end ?? start;
  let pointer: string | undefined;
  if (d.pointer !== undefined && !d.file) {
    if (app.manifest) {
      const r = app.manifest.rangeOf(d.pointer);
      file = app.manifestPath;
      start = r.start;
      end = r.end;
      pointer = d.pointer;
    } else {
      // no manifest: report on package.json's "name", else at the top of the app folder's first file
      const pkg = app.root + '/package.json';
      const pkgText = files.get(pkg);
      file = pkgText !== undefined ? pkg : app.manifestPath;
      const at = pkgText ? pkgText.indexOf('"name"') : -1;
      start = Math.max(0, at);
      end = at >= 0 ? at + 6 : 0;
    }
  }
  if (!file) return undefined;
  const f = finding(rule.meta.id, clauses, d.severity ?? severity, message, file, lineIndex(file), start, end);
  f.pointer = pointer;
  f.fixes = d.fixes ?? [];
  f.related = d.related;
  f.unnecessary = d.unnecessary;
  return f;
}

/** A report's own clauses, kept to those its rule declares (a rule cannot cite what its docs do not explain). */
function citedClauses(declared: string[], cited: readonly string[] | undefined): string[] {
  if (!cited) return declared;
  const kept = declared.filter((c) => cited.includes(c));
  return kept.length ? kept : declared;
}

/** `[B.6, C.5] message`; purely structural findings (no clause) carry no prefix. */
function withClauses(clauses: readonly string[], text: string): string {
  return clauses.length ? `[${clauses.join(', ')}] ${text}` : text;
}

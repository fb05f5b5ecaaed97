import type { Finding } from '../../../rules/src/types';

/** A finding as the CLI prints it: relative path with `/`, 1-based lines and columns. */
export interface OutputFinding {
  ruleId: string;
  clauses: string[];
  severity: Finding['severity'];
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  pointer?: string;
  suppressed: boolean;
  suppression?: { kind: string; justification: string; until?: string };
  fixable: boolean;
  fingerprint?: string;
}

export function toOutput(f: Finding, relative: (p: string) => string): OutputFinding {
  return {
    ruleId: f.ruleId,
    clauses: f.clauses,
    severity: f.severity,
    message: f.message,
    file: relative(f.file),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    ...(f.pointer !== undefined ? { pointer: f.pointer } : {}),
    suppressed: !!f.suppression,
    ...(f.suppression ? { suppression: { kind: f.suppression.kind, justification: f.suppression.justification, ...(f.suppression.until ? { until: f.suppression.until } : {}) } } : {}),
    fixable: f.fixes.length > 0,
    fingerprint: f.fingerprint,
  };
}

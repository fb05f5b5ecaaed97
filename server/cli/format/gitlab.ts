import { createHash } from 'node:crypto';
import type { OutputFinding } from './output-finding';

/**
 * One issue of GitLab's Code Quality report (`artifacts:reports:codequality`, every GitLab tier): the subset
 * of the Code Climate issue format that GitLab documents. `severity` is GitLab's scale.
 */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

// the ESLint and PHPStan GitLab formatters' mapping, so a policy error sorts with other tools' errors
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/**
 * Open findings only: GitLab has no notion of a suppressed issue. GitLab keeps one issue per fingerprint and
 * compares fingerprints between the source and target branch, so each is unique within the report and,
 * like SARIF's partialFingerprints, does not change when unrelated lines above the finding move.
 */
export function formatGitlab(findings: OutputFinding[]): string {
  const seen = new Map<string, number>();
  const issues: CodeQualityIssue[] = findings
    .filter((f) => !f.suppressed)
    .map((f) => {
      const key = `${f.ruleId}\0${f.file}\0${f.fingerprint ?? `${f.line}:${f.column}`}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return {
        description: f.message,
        check_name: f.ruleId,
        fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32),
        severity: SEVERITY[f.severity],
        location: { path: f.file, lines: { begin: f.line, end: f.endLine } },
      };
    });
  return JSON.stringify(issues, null, 2) + '\n';
}

// Rules that failed or ran over their time budget: kept as records while the run goes, and turned into one
// notice and one F.5 finding per rule here, the only place their text is made.
import { BUDGET_SIZE_UNIT } from '../budget';
import { LineIndex } from '../positions';
import type { Finding, Notice } from '../types';
import { finding } from './findings';

/** A rule that failed on a code file or an app (then `file` is its manifest and `detail` the error). */
export interface RuleFailure {
  ruleId: string;
  file: string;
  detail?: string;
  overBudget: boolean;
}

const RULE_ERRORS_ID = 'internal-error';

/** Per failing rule (in order of its first failure): a notice and a warning on the first file it failed on. */
export function ruleFailureReports(failures: readonly RuleFailure[], ruleMs: number, files: ReadonlyMap<string, string>): { notices: Notice[]; findings: Finding[] } {
  const byRule = new Map<string, RuleFailure[]>();
  for (const f of failures) {
    const known = byRule.get(f.ruleId);
    if (known) known.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const notices: Notice[] = [];
  const findings: Finding[] = [];
  for (const [ruleId, failed] of byRule) {
    // "over budget" only if every failure was: a rule that also crashed is reported as failed
    const what = failed.every((f) => f.overBudget) ? `ran over its time budget (${ruleMs} ms per file of up to ${BUDGET_SIZE_UNIT / 1024} kB)` : 'failed';
    const where = failed.slice(0, 5).map((f) => (f.detail === undefined ? f.file : `${f.file} (${f.detail})`));
    const message = `[F.5] Rule "${ruleId}" ${what} and was skipped on ${failed.length} file(s): ${where.join(', ')}${failed.length > 5 ? ' …' : ''}`;
    const file = failed[0]!.file;
    notices.push({ file, kind: 'internal-error', message, ruleId });
    findings.push(finding(RULE_ERRORS_ID, ['F.5'], 'warning', message, file, new LineIndex(files.get(file) ?? ''), 0, 0));
  }
  return { notices, findings };
}

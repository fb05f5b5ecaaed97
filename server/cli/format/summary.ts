import type { ComplianceReport } from '../../../rules/src/report/compliance';
import { md } from '../../../rules/src/report/render';
import { SEVERITY_RANK } from '../../../rules/src/types';
import type { OutputFinding } from './output-finding';

export interface SummaryOptions {
  /** How many open findings the table lists (most severe first). */
  top: number;
  /** Code files checked. */
  files: number;
  failOn: string;
  exitCode: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A short Markdown summary for a CI job page (GitHub's job summary, a merge-request note): the totals, the
 * open findings per clause from the compliance report's model, and the most severe findings. The SARIF or
 * Code Quality report next to it carries every finding.
 */
export function formatSummary(report: ComplianceReport, findings: OutputFinding[], opts: SummaryOptions): string {
  const open = findings.filter((f) => !f.suppressed);
  const count = (s: OutputFinding['severity']) => open.filter((f) => f.severity === s).length;
  const suppressed = findings.length - open.length;
  const out: string[] = [];
  out.push(`## Policy Lens: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`, '');
  const verdict = opts.exitCode === 0 ? 'passes' : 'fails';
  out.push(`${plural(open.length, 'open finding')} in ${plural(opts.files, 'code file')} checked${suppressed ? `, ${suppressed} suppressed or baselined` : ''}. The check ${verdict} (\`--fail-on ${md(opts.failOn)}\`).`, '');
  out.push(`Policy Lens ${md(report.toolVersion)}, Web1on1 Developer Policy version ${md(report.policyVersion)}. Policy Lens is an independent tool, not made or endorsed by Web1on1.`, '');

  const rows = report.clauses.filter((c) => c.automated && (c.automated.status === 'findings' || c.automated.suppressed > 0));
  if (rows.length) {
    out.push('### Findings by clause', '', '| Clause | Section | Errors | Warnings | Info | Suppressed |', '|---|---|---:|---:|---:|---:|');
    for (const c of rows) {
      const a = c.automated!;
      out.push(`| ${c.clause.id} | ${md(c.clause.sectionTitle)} | ${a.errors} | ${a.warnings} | ${a.infos} | ${a.suppressed} |`);
    }
    out.push('');
  }

  if (open.length) {
    const top = [...open]
      .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
      .slice(0, opts.top);
    out.push(`### Top findings${top.length < open.length ? ` (${top.length} of ${open.length})` : ''}`, '', '| Severity | Location | Rule | Message |', '|---|---|---|---|');
    for (const f of top) out.push(`| ${f.severity} | ${md(f.file)}:${f.line} | \`${f.ruleId}\` | ${md(f.message)} |`);
    out.push('');
  } else {
    out.push('No open findings.', '');
  }
  return out.join('\n');
}

import { h, md } from '../../../rules/src/report/render';
import type { OutputFinding } from './output-finding';

export function formatFindingsMarkdown(findings: OutputFinding[]): string {
  const open = findings.filter((f) => !f.suppressed);
  const out = ['# Policy Lens findings', ''];
  if (!open.length) out.push('No findings.', '');
  else {
    out.push('| Severity | Location | Rule | Message |', '|---|---|---|---|');
    for (const f of open) out.push(`| ${f.severity} | ${md(f.file)}:${f.line}:${f.column} | \`${f.ruleId}\` | ${md(f.message)} |`);
    out.push('');
  }
  return out.join('\n');
}

export function formatFindingsHtml(findings: OutputFinding[], reportHtml: string): string {
  const open = findings.filter((f) => !f.suppressed);
  const rows = open.map((f) => `<tr><td>${h(f.severity)}</td><td>${h(f.file)}:${f.line}:${f.column}</td><td><code>${h(f.ruleId)}</code></td><td>${h(f.message)}</td></tr>`).join('\n');
  const table = `<h2>Findings</h2>${open.length ? `<table><tr><th>Severity</th><th>Location</th><th>Rule</th><th>Message</th></tr>${rows}</table>` : '<p>No findings.</p>'}`;
  return reportHtml.replace('<h2>Summary</h2>', `${table}\n<h2>Summary</h2>`);
}

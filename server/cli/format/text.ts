import type { Notice } from '../../../rules/src/types';
import type { OutputFinding } from './output-finding';

const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

/** ESLint-style stylish text: findings grouped by file, then a summary line. */
export function formatText(findings: OutputFinding[], notices: Notice[], opts: { color: boolean; relative: (p: string) => string; files: number; quiet: boolean }): string {
  const c = (k: keyof typeof COLORS, s: string) => (opts.color ? COLORS[k] + s + COLORS.reset : s);
  const out: string[] = [];
  const shown = findings.filter((f) => !f.suppressed && (!opts.quiet || f.severity === 'error'));
  const byFile = new Map<string, OutputFinding[]>();
  for (const f of shown) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    out.push(c('bold', file));
    for (const f of list) {
      const sev = f.severity === 'error' ? c('error', 'error  ') : f.severity === 'warning' ? c('warning', 'warning') : c('info', 'info   ');
      out.push(`  ${String(f.line).padStart(4)}:${String(f.column).padEnd(3)} ${sev}  ${f.message}  ${c('dim', f.ruleId)}${f.fixable ? c('dim', ' (fixable)') : ''}`);
    }
    out.push('');
  }
  for (const n of notices) out.push(`${c('dim', 'notice')} ${opts.relative(n.file)}: ${n.message}`);
  if (notices.length) out.push('');
  const errors = shown.filter((f) => f.severity === 'error').length;
  const warnings = shown.filter((f) => f.severity === 'warning').length;
  const infos = shown.filter((f) => f.severity === 'info').length;
  const suppressed = findings.filter((f) => f.suppressed).length;
  const total = errors + warnings + infos;
  const summary = total === 0 ? `No findings in ${opts.files} file(s)` : `${total} finding(s): ${errors} error(s), ${warnings} warning(s), ${infos} info`;
  out.push(c(errors ? 'error' : total ? 'warning' : 'bold', summary) + (suppressed ? c('dim', ` (${suppressed} suppressed)`) : ''));
  return out.join('\n') + '\n';
}

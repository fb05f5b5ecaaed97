// The compliance report as file content: the one function both `policy-lens report` and the editor's
// "Export compliance report" call, so the two give byte-identical output for the same files and date.
import { relativePath } from '../../rules/src/node/load-project';
import { buildComplianceReport } from '../../rules/src/report/compliance';
import { renderHtml, renderMarkdown } from '../../rules/src/report/render';
import { runEngine } from './run-engine';
import { TOOL_VERSION } from './version';

export interface ReportTextOptions {
  /** Paths to check (the CLI's positionals); relative to `cwd`, empty for `cwd` itself. */
  paths: string[];
  /** Paths in the report are relative to this folder. */
  cwd: string;
  format: 'markdown' | 'html';
  /** The date of the run: suppression expiry, attestation age and the report's "Generated" line. */
  now: Date;
  config?: string;
  manifest?: string;
  /** Unsaved editor buffers, by absolute path. */
  overlays?: Map<string, string>;
}

export function complianceReportText(o: ReportTextOptions): string {
  const { result, engine } = runEngine(o.paths, { cwd: o.cwd, config: o.config, manifest: o.manifest, now: o.now, overlays: o.overlays });
  const model = buildComplianceReport({ result, rules: engine.rules, toolVersion: TOOL_VERSION, now: o.now, relative: (p) => relativePath(o.cwd, p) });
  return o.format === 'html' ? renderHtml(model) : renderMarkdown(model);
}

/**
 * `--now YYYY-MM-DD` as the run's date: noon local time, so the calendar date is the same in every zone
 * the checks compare in. Undefined when the value is not such a date.
 */
export function runDate(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return undefined;
  return new Date(`${value}T12:00:00`);
}

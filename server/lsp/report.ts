// The compliance report for one project, rendered as Markdown (the same builder the CLI uses).
import { allRules } from '../../rules/index';
import { relativePath } from '../../rules/src/node/load-project';
import { buildComplianceReport } from '../../rules/src/report/compliance';
import { renderMarkdown } from '../../rules/src/report/render';
import { TOOL_VERSION } from '../shared/version';
import type { Snapshot } from './project';

export function complianceMarkdown(snap: Snapshot, root: string): string {
  const report = buildComplianceReport({ result: snap.result, rules: allRules, toolVersion: TOOL_VERSION, now: new Date(), relative: (p) => relativePath(root, p) });
  return renderMarkdown(report);
}

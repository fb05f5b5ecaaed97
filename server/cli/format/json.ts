import type { OutputFinding } from './output-finding';

export interface JsonSummary { files: number; errors: number; warnings: number; infos: number; suppressed: number; durationMs: number }

export function summarize(findings: OutputFinding[], files: number, durationMs: number): JsonSummary {
  const open = findings.filter((f) => !f.suppressed);
  return {
    files,
    errors: open.filter((f) => f.severity === 'error').length,
    warnings: open.filter((f) => f.severity === 'warning').length,
    infos: open.filter((f) => f.severity === 'info').length,
    suppressed: findings.length - open.length,
    durationMs,
  };
}

export function formatJson(findings: OutputFinding[], meta: { version: string; policyVersion: string; summary: JsonSummary; notices: { file: string; kind: string; message: string }[] }): string {
  return JSON.stringify({ version: meta.version, policyVersion: meta.policyVersion, findings, notices: meta.notices, summary: meta.summary }, null, 2) + '\n';
}

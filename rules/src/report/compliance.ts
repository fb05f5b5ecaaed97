import { createHash } from 'node:crypto';
import type { AppInfo } from '../app';
import { CLAUSES, MANUAL_CHECKLIST, MANUAL_ONLY, PARTLY_AUTOMATED } from '../clauses';
import type { Exemption, RunResult } from '../engine';
import type { Clause } from '../policy-text';
import type { Rule } from '../rule';
import { localDate } from '../suppressions';
import type { Finding } from '../types';

export type AutomatedStatus = 'findings' | 'no-findings';
export type ManualStatus = 'attested' | 'not-attested' | 'not-applicable';

export interface Attestation { statement: string; by: string; date: string; notApplicable?: boolean; problem?: string }

export interface ClauseReport {
  clause: Clause;
  kind: 'automated' | 'manual' | 'partly';
  automated?: {
    status: AutomatedStatus; rules: string[]; disabledRules: string[]; files: number; errors: number; warnings: number; infos: number; suppressed: number; label: string;
    /** Rules with open findings under this clause. */
    rulesWithFindings: string[];
    /** What the automated check covered: "7 rules over 12 files". */
    coverage: string;
  };
  manual?: { status: ManualStatus; attestation?: Attestation; checklist: string; label: string };
  exemptions: Exemption[];
}

/** One finding as the report lists it: where, which rule and clauses, and the exemption that accepted it. */
export interface ReportFinding {
  ruleId: string;
  clauses: string[];
  severity: Finding['severity'];
  message: string;
  /** Relative to the report's folder, with `/` separators. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  suppressed?: { kind: 'inSource' | 'external'; reason: string; until?: string; where?: string };
}

export interface ComplianceReport {
  title: string;
  generated: string;
  toolVersion: string;
  policyVersion: string;
  policySource: string;
  apps: { name: string; manifest: string; manifestHash: string | undefined }[];
  rulePackHash: string;
  clauses: ClauseReport[];
  /** Every finding, open and suppressed, by file and line. */
  findings: ReportFinding[];
  /** Exemptions that apply to no single clause (excluded globs). */
  globalExemptions: Exemption[];
  disclaimer: string;
}

export const DISCLAIMER =
  'Policy Lens is an independent tool; it is not made, reviewed or endorsed by Web1on1. "No findings" means the rules found nothing, not that the app complies: a static tool cannot prove absence. The Web1on1 Developer Policy text is quoted from Web1on1.';

export function buildComplianceReport(opts: { result: RunResult; rules: readonly Rule[]; toolVersion: string; now: Date; relative: (p: string) => string }): ComplianceReport {
  const { result, rules } = opts;
  const disabled = new Set(result.exemptions.filter((e) => e.kind === 'rule-off').map((e) => e.ruleId!));
  const attestations = collectAttestations(result.apps, opts.now);
  const clauses: ClauseReport[] = CLAUSES.clauses.map((c) => {
    const kind = MANUAL_ONLY.includes(c.id) ? 'manual' : PARTLY_AUTOMATED.includes(c.id) ? 'partly' : 'automated';
    const clauseRules = rules.filter((r) => r.meta.clauses.includes(c.id)).map((r) => r.meta.id);
    if (c.id === 'F.5') clauseRules.push('invalid-suppression');
    const findings = result.findings.filter((f) => f.clauses.includes(c.id));
    const open = findings.filter((f) => !f.suppression);
    const exemptions = result.exemptions.filter((e) => e.ruleId && clauseRules.includes(e.ruleId));
    const report: ClauseReport = { clause: c, kind, exemptions };
    if (kind !== 'manual') {
      const active = clauseRules.filter((r) => !disabled.has(r));
      const count = (s: Finding['severity']) => open.filter((f) => f.severity === s).length;
      const status: AutomatedStatus = open.length ? 'findings' : 'no-findings';
      const coverage = `${active.length} rule${active.length === 1 ? '' : 's'} over ${result.stats.codeFiles} file${result.stats.codeFiles === 1 ? '' : 's'}`;
      const label = status === 'findings' ? `findings (${open.length})` : `no findings (${coverage})`;
      const rulesWithFindings = [...new Set(open.map((f) => f.ruleId))].sort();
      report.automated = { status, rules: clauseRules, disabledRules: clauseRules.filter((r) => disabled.has(r)), files: result.stats.codeFiles, errors: count('error'), warnings: count('warning'), infos: count('info'), suppressed: findings.length - open.length, label, rulesWithFindings, coverage };
    }
    if (kind !== 'automated') {
      const a = attestations.get(c.id);
      const status: ManualStatus = !a || a.problem ? 'not-attested' : a.notApplicable ? 'not-applicable' : 'attested';
      const label = status === 'attested' ? `attested (${a!.statement}, by ${a!.by}, ${a!.date})` : status === 'not-applicable' ? `not applicable (${a!.statement})` : a?.problem ? `not attested (${a.problem})` : 'not attested';
      report.manual = { status, attestation: a, checklist: MANUAL_CHECKLIST[c.id] ?? '', label };
    }
    return report;
  });
  const rulePackHash = createHash('sha256').update(rules.map((r) => `${r.meta.id}:${r.meta.clauses.join(',')}:${r.meta.severity}`).join('\n')).digest('hex').slice(0, 16);
  return {
    title: 'Policy Lens compliance report — Web1on1 Developer Policy',
    generated: opts.now.toISOString(),
    toolVersion: opts.toolVersion,
    policyVersion: CLAUSES.policyVersion,
    policySource: CLAUSES.source,
    apps: result.apps.map((a) => ({ name: a.manifestObject()?.name ?? opts.relative(a.root), manifest: opts.relative(a.manifestPath), manifestHash: a.manifest ? createHash('sha256').update(a.manifest.text).digest('hex').slice(0, 16) : undefined })),
    rulePackHash,
    clauses,
    findings: reportFindings(result.findings, opts.relative),
    globalExemptions: result.exemptions.filter((e) => e.kind === 'exclude'),
    disclaimer: DISCLAIMER,
  };
}

function reportFindings(findings: readonly Finding[], relative: (p: string) => string): ReportFinding[] {
  const out = findings.map((f): ReportFinding => {
    const r: ReportFinding = { ruleId: f.ruleId, clauses: f.clauses, severity: f.severity, message: f.message, file: relative(f.file), line: f.range.start.line + 1, column: f.range.start.character + 1 };
    const s = f.suppression;
    if (s) r.suppressed = { kind: s.kind, reason: s.justification, until: s.until, where: s.location ? `${relative(s.location.file)}:${s.location.line}` : undefined };
    return r;
  });
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)));
}

function collectAttestations(apps: AppInfo[], now: Date): Map<string, Attestation> {
  const out = new Map<string, Attestation>();
  for (const app of apps) {
    const att = app.manifestObject()?.compliance?.attestations;
    if (!att) continue;
    for (const [id, o] of Object.entries(att)) {
      if (!o) continue;
      const a: Attestation = { statement: o.statement ?? '', by: o.by ?? '', date: o.date ?? '', notApplicable: o.notApplicable === true };
      a.problem = attestationProblem(a, now);
      out.set(id, a);
    }
  }
  return out;
}

export function attestationProblem(a: Attestation, now: Date): string | undefined {
  if (!a.statement.trim()) return 'no statement';
  if (!a.by.trim()) return 'no one signed it ("by")';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.date) || Number.isNaN(Date.parse(a.date))) return 'no valid date';
  // calendar dates in the run's local time, as the attestation-invalid rule compares them
  const today = localDate(now);
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  if (a.date > today) return `dated in the future (${a.date})`;
  if (a.date < yearAgo) return `older than a year (${a.date})`;
  return undefined;
}

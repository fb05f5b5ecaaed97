// The listing as a dealer would read it, built from the manifest, the compliance report and the run's
// findings. Pure (no I/O): the handler adds the permission impact and the client renders it. Every value
// from the manifest is passed on as data; escaping is the renderer's job (the webview uses textContent).
import type { AppInfo } from '../../../rules/src/app';
import { contactProblem, emailProblem, urlProblem } from '../../../rules/src/manifest/field-checks';
import type { ComplianceReport } from '../../../rules/src/report/compliance';
import { clauseDetail, statusWord } from '../../../rules/src/report/render';
import type { Finding } from '../../../rules/src/types';
import type { ListingChecklistItem, ListingFinding, ListingLink, ListingModel, PermissionImpact } from '../protocol';
import type { AppScopes } from '../scopes';
import { codeEvidence, codeUse } from './code-evidence';
import { scopeWords } from './words';

/** Findings listed under each clause; the rest are counted ("and 4 more"). */
const FINDINGS_PER_CLAUSE = 3;

export interface ListingInput {
  app: AppInfo;
  manifestUri: string;
  report: ComplianceReport;
  /** Open (unsuppressed) findings of the run. */
  findings: readonly Finding[];
  relative: (path: string) => string;
  toUri: (path: string) => string;
  impact: PermissionImpact;
  checkedAt: Date;
  /** The declared scopes' states and where the code could not be followed (server/lsp/scopes.ts). */
  scopes: AppScopes | undefined;
}

export function buildListingModel(input: ListingInput): ListingModel {
  const { app, report } = input;
  const checklist = report.clauses.map((c) => checklistItem(c, input));
  const summary = {
    findings: checklist.filter((c) => c.tone === 'findings').length,
    notAttested: report.clauses.filter((c) => c.manual?.status === 'not-attested').length,
    quiet: checklist.filter((c) => c.tone === 'quiet').length,
  };
  const base: ListingModel = {
    manifestUri: input.manifestUri,
    manifestPath: input.relative(app.manifestPath),
    abilities: [],
    links: [],
    checklist,
    summary,
    impact: input.impact,
    checkedAt: input.checkedAt.toISOString(),
  };
  const m = app.manifestObject();
  if (!m) return { ...base, problem: app.manifest ? 'The manifest is not a JSON object (fix the JSON first: the preview shows what it can read).' : 'There is no manifest here.' };
  const errors = app.manifest?.problems.length ?? 0;
  if (errors) base.notice = `The manifest has ${errors} JSON error${errors === 1 ? '' : 's'}; the preview shows what could be read.`;
  const listing = obj(m['listing']);
  const developer = obj(m['developer']);
  const support = obj(m['support']);
  return {
    ...base,
    name: str(m['name']),
    version: str(m['version']),
    description: str(m['description']),
    shortDescription: str(listing?.['shortDescription']),
    category: str(listing?.['category']),
    marketplace: marketplaceName(str(listing?.['marketplace'])),
    developer: developer ? { name: str(developer['name']), email: str(developer['email']), url: str(developer['url']) } : undefined,
    tokenRole: str(m['tokenRole']),
    icon: str(listing?.['icon']),
    abilities: app.declaredScopes().map((s) => {
      const entry = input.scopes?.entries.find((e) => e.pointer === s.pointer);
      return { scope: s.scope, reason: s.reason, ...scopeWords(s.scope), codeUse: entry && codeUse(entry, input) };
    }),
    codeEvidence: input.scopes && codeEvidence(input.scopes, input),
    dataProtection: dataProtection(obj(m['dataProtection'])),
    links: [
      urlLink('Privacy policy', m['privacyPolicyUrl']),
      urlLink('Terms of service', m['termsUrl']),
      mailLink('Support e-mail', support?.['email']),
      urlLink('Support', support?.['url']),
      urlLink('Documentation', support?.['docsUrl']),
      contactLink('Security contact', m['securityContact']),
      urlLink('Developer website', developer?.['url']),
    ],
  };
}

function checklistItem(c: ComplianceReport['clauses'][number], input: ListingInput): ListingChecklistItem {
  const open = input.findings.filter((f) => f.clauses.includes(c.clause.id));
  const tone = c.automated?.status === 'findings' ? 'findings' : c.manual?.status === 'not-attested' ? 'open' : 'quiet';
  return {
    clause: c.clause.id,
    sectionTitle: c.clause.sectionTitle,
    clauseText: c.clause.text,
    status: statusWord(c),
    detail: clauseDetail(c),
    tone,
    findings: open.slice(0, FINDINGS_PER_CLAUSE).map((f) => listingFinding(f, input)),
    moreFindings: Math.max(0, open.length - FINDINGS_PER_CLAUSE),
  };
}

function listingFinding(f: Finding, input: ListingInput): ListingFinding {
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, uri: input.toUri(f.file), range: f.range, where: `${input.relative(f.file)}:${f.range.start.line + 1}` };
}

function dataProtection(dp: Record<string, unknown> | undefined): ListingModel['dataProtection'] {
  if (!dp) return undefined;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  return {
    personalData: list(dp['personalData']).filter((x): x is string => typeof x === 'string'),
    lawfulBasis: str(dp['lawfulBasis']),
    retentionDays: typeof dp['retentionDays'] === 'number' ? dp['retentionDays'] : undefined,
    erasure: str(dp['erasure']),
    thirdParties: list(dp['thirdParties']).map(obj).filter((t): t is Record<string, unknown> => !!t).map((t) => ({ name: str(t['name']) ?? '(unnamed)', purpose: str(t['purpose']), host: str(t['host']) })),
  };
}

function urlLink(label: string, value: unknown): ListingLink {
  const problem = urlProblem(value);
  return { label, value: display(value), href: problem ? undefined : String(value).trim(), problem };
}

function mailLink(label: string, value: unknown): ListingLink {
  const problem = emailProblem(value);
  return { label, value: display(value), href: problem ? undefined : `mailto:${String(value).trim().replace(/^mailto:/i, '')}`, problem };
}

function contactLink(label: string, value: unknown): ListingLink {
  // an e-mail address or an https URL, as the A.9 rule accepts either
  if (typeof value === 'string' && /^https?:/i.test(value.trim())) return urlLink(label, value);
  return { ...mailLink(label, value), problem: contactProblem(value) };
}

function marketplaceName(v: string | undefined): string | undefined {
  if (v === 'botstore') return 'Bot Store';
  if (v === 'expert') return 'Expert marketplace';
  return v;
}

function display(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

// The listing as a dealer would read it, built from the manifest, the compliance report and the run's
// findings. Pure (no I/O): the handler adds the permission impact and the client renders it. Every value
// from the manifest is passed on as data; escaping is the renderer's job (the webview uses textContent).
import type { AppInfo } from '../../../rules/src/app';
import { contactProblem, emailProblem, urlProblem } from '../../../rules/src/manifest/field-checks';
import type { Manifest } from '../../../rules/src/manifest/spec';
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
  const { listing, developer, support } = m;
  // a value of the wrong type is shown as written, as "not a string" (manifest-invalid says more)
  const value = (pointer: string, v: string | undefined): Shown => (app.isMistyped(pointer) ? { written: JSON.stringify(app.manifest?.get(pointer)), mistyped: true } : { text: v, mistyped: false });
  return {
    ...base,
    name: str(m.name),
    version: str(m.version),
    description: str(m.description),
    shortDescription: str(listing?.shortDescription),
    category: str(listing?.category),
    marketplace: marketplaceName(str(listing?.marketplace)),
    developer: developer ? { name: str(developer.name), email: str(developer.email), url: str(developer.url) } : undefined,
    tokenRole: str(m.tokenRole),
    icon: str(listing?.icon),
    abilities: app.declaredScopes().map((s) => {
      const entry = input.scopes?.entries.find((e) => e.pointer === s.pointer);
      return { scope: s.scope, reason: s.reason, ...scopeWords(s.scope), codeUse: entry && codeUse(entry, input) };
    }),
    codeEvidence: input.scopes && codeEvidence(input.scopes, input),
    dataProtection: dataProtection(m.dataProtection),
    links: [
      urlLink('Privacy policy', value('/privacyPolicyUrl', m.privacyPolicyUrl)),
      urlLink('Terms of service', value('/termsUrl', m.termsUrl)),
      mailLink('Support e-mail', value('/support/email', support?.email)),
      urlLink('Support', value('/support/url', support?.url)),
      urlLink('Documentation', value('/support/docsUrl', support?.docsUrl)),
      contactLink('Security contact', value('/securityContact', m.securityContact)),
      urlLink('Developer website', value('/developer/url', developer?.url)),
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

function dataProtection(dp: Manifest['dataProtection']): ListingModel['dataProtection'] {
  if (!dp) return undefined;
  return {
    personalData: (dp.personalData ?? []).filter((x): x is string => x !== undefined),
    lawfulBasis: typeof dp.lawfulBasis === 'string' ? str(dp.lawfulBasis) : undefined,
    retentionDays: dp.retentionDays,
    erasure: str(dp.erasure),
    thirdParties: (dp.thirdParties ?? []).flatMap((t) => (t ? [{ name: str(t.name) ?? '(unnamed)', purpose: str(t.purpose), host: str(t.host) }] : [])),
  };
}

/** A manifest string for a link, or that the manifest holds something else there. */
interface Shown { text?: string; written?: string; mistyped: boolean }

function urlLink(label: string, v: Shown): ListingLink {
  const problem = v.mistyped ? 'not a string' : urlProblem(v.text);
  return { label, value: v.text ?? v.written ?? '', href: problem ? undefined : v.text?.trim(), problem };
}

function mailLink(label: string, v: Shown): ListingLink {
  const problem = v.mistyped ? 'not a string' : emailProblem(v.text);
  return { label, value: v.text ?? v.written ?? '', href: problem ? undefined : `mailto:${v.text?.trim().replace(/^mailto:/i, '')}`, problem };
}

function contactLink(label: string, v: Shown): ListingLink {
  // an e-mail address or an https URL, as the A.9 rule accepts either
  if (v.text !== undefined && /^https?:/i.test(v.text.trim())) return urlLink(label, v);
  return { ...mailLink(label, v), problem: v.mistyped ? 'not a string' : contactProblem(v.text) };
}

function marketplaceName(v: string | undefined): string | undefined {
  if (v === 'botstore') return 'Bot Store';
  if (v === 'expert') return 'Expert marketplace';
  return v;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

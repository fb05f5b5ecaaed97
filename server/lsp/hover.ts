// Hovers: on a finding, what the rule finds, the clause quoted and attributed, why it matters and how to
// fix (short, from the rule doc, offline); on a manifest scope, the call sites that need it, "unused", or
// "cannot tell" with where the analysis lost the SDK instance.
import type { Hover, Position } from 'vscode-languageserver';
import type { Finding, Range } from '../../rules/src/types';
import { docSection, ruleInfo } from './rule-info';
import type { Snapshot } from './project';
import { appScopes, type LostPlace, type ScopeEntry } from './scopes';
import { relativePath } from '../../rules/src/node/load-project';
import { isCodeFile } from '../../rules/src/parse';

export function contains(r: Range, p: Position): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}

export function hover(path: string, pos: Position, snapshot: Snapshot, docsBase: string): Hover | null {
  const parts: string[] = [];
  for (const f of snapshot.byFile.get(path) ?? []) if (contains(f.range, pos)) parts.push(findingHover(f, docsBase, exemptionHint(f, snapshot)));
  const scopes = appScopes(path, snapshot);
  for (const s of scopes?.entries ?? []) if (contains(s.range, pos)) parts.push(scopeHover(s, scopes!.lost));
  return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
}

/**
 * What the finding is about, the clause quoted and attributed, why it matters and how to fix — from the
 * rule doc, offline. The diagnostic's own message is not repeated: the editor shows it beside the hover.
 * Never echoes the flagged text itself (secrets stay masked).
 */
export function findingHover(f: Finding, docsBase: string, exemption: string | undefined): string {
  const info = ruleInfo(f.ruleId, docsBase);
  const out = [`**Policy Lens** · \`${f.ruleId}\` · ${f.severity}`];
  if (info?.description) out.push('', escape(info.description));
  for (const c of info?.clauses ?? []) {
    // a rule may cite some of its clauses on a finding (card data: D.6 too; a password: C.2 and C.3)
    if (!c.text || !f.clauses.includes(c.id)) continue;
    out.push('', `> ${escape(c.text)}`, '>', `> — Web1on1 Developer Policy, clause ${c.id}`);
  }
  const why = hoverWhy(info?.doc);
  if (why) out.push('', `**Why it matters:** ${why}`);
  const fix = hoverFix(info?.doc) ?? f.fixes[0]?.description;
  if (fix) out.push('', `**How to fix:** ${fix}`);
  if (exemption) out.push('', exemption);
  if (info?.docsUrl) out.push('', `[Rule documentation](${info.docsUrl})`);
  return out.join('\n');
}

/**
 * How to accept the finding with a reason, in a form its file can hold: a comment in code; a manifest
 * `ignore` entry for JSON and other files of an app with a manifest (JSON has no comments); otherwise the
 * rule off in `.policylens.json`.
 */
export function exemptionHint(f: Finding, snapshot: Pick<Snapshot, 'result'>): string | undefined {
  if (f.ruleId === 'invalid-suppression' || f.ruleId === 'internal-error') return undefined; // the finding is about an exemption: fix that
  if (isCodeFile(f.file)) return `Suppress with a reason: \`// policy-lens-disable-next-line ${f.ruleId} -- <reason>\``;
  const app = snapshot.result.apps.find((a) => a.manifest && (f.file === a.manifestPath || f.file.startsWith(a.root + '/')));
  if (app) {
    const entry = f.pointer !== undefined && f.file === app.manifestPath ? `{ "rule": "${f.ruleId}", "pointer": "${f.pointer}", "reason": "…" }` : `{ "rule": "${f.ruleId}", "reason": "…" }`;
    return `Accept it with a reason in web1on1-app.json: \`"ignore": [${entry}]\``;
  }
  return `Accept it with a reason in .policylens.json: \`"rules": { "${f.ruleId}": { "severity": "off", "reason": "…" } }\``;
}

function scopeHover(s: ScopeEntry, lost: readonly LostPlace[]): string {
  const head = `**Policy Lens** · scope \`${s.scope}\``;
  const where = (file: string, line: number) => `${relativePath(s.appRoot, file)}:${line + 1}`;
  if (s.uses.length) {
    const lines = s.uses.slice(0, 20).map((u) => `- \`${escape(u.evidence)}\` — ${where(u.file, u.line)}`);
    if (s.uses.length > 20) lines.push(`- … and ${s.uses.length - 20} more`);
    return [`${head} is needed by ${s.uses.length} call site${s.uses.length === 1 ? '' : 's'}:`, '', ...lines].join('\n');
  }
  if (s.state === 'used') return `${head}: **used** — ${usedWhy(s, where)}.`;
  if (s.state === 'cannot-tell') {
    const lines = lost.slice(0, 5).map((l) => `- ${escape(l.what)} — ${where(l.file, l.range.start.line)}`);
    if (lost.length > 5) lines.push(`- … and ${lost.length - 5} more`);
    return [`${head}: **cannot tell** — no call site Policy Lens can see needs it, but the analysis lost the SDK instance, so the app may use it:`, '', ...lines].join('\n');
  }
  return `${head}: **unused** — no call in this app needs it (B.6: request only what the app uses).`;
}

/** Why a scope with no call site of its own is used: a call site of a scope it covers, a webhook event, or a wildcard subscription. */
function usedWhy(s: Pick<ScopeEntry, 'usedBy' | 'events'>, where: (file: string, line: number) => string): string {
  const u = s.usedBy[0];
  if (u) return `\`${escape(u.evidence)}\` at ${where(u.file, u.line)} needs what it grants${s.usedBy.length > 1 ? ` (and ${s.usedBy.length - 1} more call site${s.usedBy.length === 2 ? '' : 's'})` : ''}`;
  if (s.events.length) return `the webhook receives ${s.events.map((e) => `\`${escape(e)}\``).join(', ')} events`;
  return 'a wildcard event subscription may need it';
}

/** The first paragraph of the doc's "Why" section that explains rather than cites the clause (quoted above). */
export function hoverWhy(doc: string | undefined): string | undefined {
  return paragraphs(docSection(doc, 'Why')).find((p) => !/^[A-F]\.\d+[ :]/.test(p));
}

/** The first paragraph of the doc's "Fix" section: what to do; the details of each quick fix follow it there. */
export function hoverFix(doc: string | undefined): string | undefined {
  return paragraphs(docSection(doc, 'Fix'))[0];
}

function paragraphs(section: string | undefined): string[] {
  return (section ?? '').split(/\r?\n[ \t]*\r?\n/).map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean).join(' ')).filter(Boolean);
}

function escape(s: string): string {
  return s.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

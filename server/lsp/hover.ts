// Hovers: on a finding, the clause quoted and attributed, why it matters and how to fix (from the rule
// doc, offline); on a manifest scope, the call sites that need it or "unused".
import type { Hover, Position } from 'vscode-languageserver';
import type { Finding, Range } from '../../rules/src/types';
import { docSection, ruleInfo } from './rule-info';
import type { Snapshot } from './project';
import { scopeEntries } from './scopes';
import { relativePath } from '../../rules/src/node/load-project';

export function contains(r: Range, p: Position): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}

export function hover(path: string, pos: Position, snapshot: Snapshot, docsBase: string): Hover | null {
  const parts: string[] = [];
  for (const f of snapshot.byFile.get(path) ?? []) if (contains(f.range, pos)) parts.push(findingHover(f, docsBase));
  for (const s of scopeEntries(path, snapshot)) if (contains(s.range, pos)) parts.push(scopeHover(s.scope, s.uses, s.appRoot));
  return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
}

/** Never echoes the flagged text itself: secrets stay masked (the message is already masked by the rule). */
export function findingHover(f: Finding, docsBase: string): string {
  const info = ruleInfo(f.ruleId, docsBase);
  const out = [`**Policy Lens** · \`${f.ruleId}\` · ${f.severity}`, '', escape(f.message)];
  for (const c of info?.clauses ?? []) {
    if (!c.text) continue;
    out.push('', `> ${escape(c.text)}`, '>', `> — Web1on1 Developer Policy, clause ${c.id}`);
  }
  const why = docSection(info?.doc, 'Why');
  if (why) out.push('', '**Why it matters**', '', stripQuotedClause(why));
  const fix = docSection(info?.doc, 'Fix') ?? (f.fixes[0] ? f.fixes[0].description : undefined);
  if (fix) out.push('', '**How to fix**', '', fix);
  out.push('', `Suppress with a reason: \`// policy-lens-disable-next-line ${f.ruleId} -- <reason>\``);
  if (info?.docsUrl) out.push('', `[Rule documentation](${info.docsUrl})`);
  return out.join('\n');
}

function scopeHover(scope: string, uses: { file: string; line: number; evidence: string }[], appRoot: string): string {
  if (!uses.length) return `**Policy Lens** · scope \`${scope}\`: **unused** — no call in this app needs it (B.6: request only what the app uses).`;
  const lines = uses.slice(0, 20).map((u) => `- \`${escape(u.evidence)}\` — ${relativePath(appRoot, u.file)}:${u.line + 1}`);
  if (uses.length > 20) lines.push(`- … and ${uses.length - 20} more`);
  return [`**Policy Lens** · scope \`${scope}\` is needed by ${uses.length} call site${uses.length === 1 ? '' : 's'}:`, '', ...lines].join('\n');
}

/** The doc's "Why" section opens with the clause text already quoted above; keep the explanation. */
function stripQuotedClause(why: string): string {
  return why.replace(/^[A-F]\.\d+: "[^"]*"\s*/, '');
}

function escape(s: string): string {
  return s.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

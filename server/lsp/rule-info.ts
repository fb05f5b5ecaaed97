// What the editor says about a rule: its docs URL, clause texts and the doc's "why" and "fix" sections.
// Everything comes from the rule meta, the clause registry and the shipped docs: offline.
import { allRules } from '../../rules/index';
import { clause } from '../../rules/src/clauses';
import { BUILTIN_RULES, docsUrl } from '../../rules/src/docs';
import { readRuleDoc } from '../../rules/src/node/rule-docs';
import type { Rule } from '../../rules/src/rule';
import type { RuleInfo } from './protocol';

const byId = new Map<string, Rule>(allRules.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export function ruleDocsUrl(id: string, base: string): string | undefined {
  const r = byId.get(id);
  return r ? docsUrl(r, base) : undefined;
}

export function ruleInfo(id: string, base: string): RuleInfo | undefined {
  const r = byId.get(id);
  if (r) {
    return {
      id,
      description: r.meta.description,
      severity: r.meta.severity,
      clauses: r.meta.clauses.map((c) => ({ id: c, text: clause(c)?.text ?? '' })),
      docsUrl: docsUrl(r, base),
      doc: readRuleDoc(r),
    };
  }
  const b = (BUILTIN_RULES as Record<string, { description: string; clauses: string[]; severity: string; why: string; fix: string }>)[id];
  if (!b) return undefined;
  const doc = `# ${id}\n\n## Why ${b.clauses.join(', ')}\n${b.why}\n\n## Fix\n${b.fix}\n`;
  return { id, description: b.description, severity: b.severity, clauses: b.clauses.map((c) => ({ id: c, text: clause(c)?.text ?? '' })), doc };
}

/** A `## Heading` section of a rule doc whose heading starts with `prefix` (e.g. "Why", "Fix"). */
export function docSection(doc: string | undefined, prefix: string): string | undefined {
  if (!doc) return undefined;
  const lines = doc.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith('## ') && l.slice(3).trim().toLowerCase().startsWith(prefix.toLowerCase()));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim() || undefined;
}

import { DEFAULT_DOCS_BASE } from './config';
import type { Rule } from './rule';
import { trimTrailing } from './text';

/** The folder group a rule lives in, from its target (code rules under rules/code). */
export function ruleGroup(rule: Rule): 'code' | 'manifest' {
  return rule.kind === 'code' ? 'code' : 'manifest';
}

/** The rule's documentation URL: derived from the id and never hand-written. */
export function docsUrl(rule: Rule, base = DEFAULT_DOCS_BASE): string {
  return `${trimTrailing(base, '/')}/${ruleGroup(rule)}/${rule.meta.id}/${rule.meta.id}.md`;
}

/** Built-in pseudo-rules the engine itself reports. */
export const BUILTIN_RULES = {
  'invalid-suppression': { description: 'A suppression or config exemption without a reason, with an unknown rule, past its date, or silencing nothing.', clauses: ['F.5'], severity: 'warning' as const },
  'internal-error': { description: 'A rule failed on some files and was skipped there; the other rules ran.', clauses: ['F.5'], severity: 'warning' as const },
};

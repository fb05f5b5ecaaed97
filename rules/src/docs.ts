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

/** Built-in pseudo-rules the engine itself reports; `why` and `fix` stand in for a rule doc's sections. */
export const BUILTIN_RULES = {
  'invalid-suppression': {
    description: 'A suppression or config exemption without a reason, with an unknown rule, past its date, or silencing nothing.',
    clauses: ['F.5'],
    severity: 'warning' as const,
    why: 'Every accepted finding is listed with its reason in the compliance report, the proof of compliance F.5 asks for. An exemption without a reason, for a rule that does not exist or past its date proves nothing, so it silences nothing.',
    fix: 'Write the reason after `--` (or in the entry\'s `"reason"`), correct the rule id, renew or remove an expired `until` date, and delete exemptions that silence nothing.',
  },
  'internal-error': {
    description: 'A rule failed on some files and was skipped there; the other rules ran.',
    clauses: ['F.5'],
    severity: 'warning' as const,
    why: 'The compliance report can only vouch for what the rules checked: files a rule could not check are a gap in the proof of compliance.',
    fix: 'Report the error with the file that triggers it (without secrets) so the rule can be fixed; meanwhile, review that file by hand for the rule\'s clauses.',
  },
};

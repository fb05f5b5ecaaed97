import { LineIndex } from './positions';

export interface SuppressionComment {
  /** 0-based line the comment applies to. */
  targetLine: number;
  /** 0-based line of the comment itself. */
  line: number;
  start: number;
  end: number;
  ruleIds: string[];
  until?: string;
  reason?: string;
  /** Why the comment does not suppress (missing reason, bad date …); undefined when well-formed. */
  problem?: string;
  used: boolean;
}

export const DIRECTIVE_NEXT_LINE = 'policy-lens-disable-next-line';
export const DIRECTIVE_LINE = 'policy-lens-disable-line';

// One line of a comment: the directive, rule ids, optional `until DATE`, and `-- reason`.
// Bounded quantifiers and disjoint character classes keep it linear (checked by the ReDoS test).
const DIRECTIVE = /policy-lens-disable-(next-line|line)\b([^\n\r]{0,2000})/g;
const BODY = /^[ \t]*([A-Za-z0-9_-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*)?(?:[ \t]+until[ \t]+(\S{1,40}))?(?:[ \t]*--[ \t]*(.*))?$/;

/** Finds suppression comments (`//`, `/* *\/` and JSX `{/* *\/}`) in a file. */
export function findSuppressions(text: string, lines: LineIndex, knownRuleIds: ReadonlySet<string>, today: string): SuppressionComment[] {
  const out: SuppressionComment[] = [];
  if (!text.includes('policy-lens-disable')) return out;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (!/(\/\/|\/\*)[ \t]*$/.test(before) && !/^\s*\*?\s*$/.test(lineBefore(text, m.index))) continue;
    let rest = m[2]!;
    const close = rest.indexOf('*/');
    if (close >= 0) rest = rest.slice(0, close);
    rest = rest.replace(/\}\s*$/, '').trimEnd();
    const start = m.index;
    const end = m.index + m[0].length;
    const line = lines.position(start).line;
    const commentEndLine = close >= 0 ? line : lines.position(blockEnd(text, start)).line;
    const targetLine = m[1] === 'next-line' ? commentEndLine + 1 : line;
    const s: SuppressionComment = { targetLine, line, start, end, ruleIds: [], used: false };
    const body = BODY.exec(rest);
    if (!body) {
      s.problem = 'cannot read this suppression: expected `policy-lens-disable-next-line <rule-id> [until YYYY-MM-DD] -- <reason>`';
    } else {
      s.ruleIds = body[1] ? body[1].split(',').map((r) => r.trim()) : [];
      s.until = body[2];
      s.reason = body[3]?.trim() || undefined;
      s.problem = problemOf(s, knownRuleIds, today);
    }
    out.push(s);
  }
  return out;
}

function problemOf(s: SuppressionComment, known: ReadonlySet<string>, today: string): string | undefined {
  if (s.ruleIds.length === 0) return 'a suppression must name the rule(s) it silences';
  const unknown = s.ruleIds.filter((r) => !known.has(r));
  if (unknown.length) return `unknown rule id ${unknown.map((u) => `"${u}"`).join(', ')}`;
  if (s.until !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s.until) || Number.isNaN(Date.parse(s.until + 'T00:00:00Z'))) return `"until ${s.until}" is not a date (YYYY-MM-DD)`;
    if (s.until < today) return `the suppression expired on ${s.until}`;
  }
  if (!s.reason) return 'a suppression needs a reason after `--`';
  return undefined;
}

function lineBefore(text: string, index: number): string {
  const nl = text.lastIndexOf('\n', index - 1);
  return text.slice(nl + 1, index);
}

/** For a directive inside a block comment spanning lines, the end of that comment. */
function blockEnd(text: string, from: number): number {
  const openLine = text.lastIndexOf('\n', from) + 1;
  const lineStart = text.slice(openLine, from);
  if (!lineStart.includes('/*')) return from;
  const close = text.indexOf('*/', from);
  return close < 0 ? from : close;
}

/** The local calendar date of `now`, as YYYY-MM-DD (suppressions expire by the local date of the run). */
export function localDate(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

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

// The directive and the rest of its line; the rest is parsed by hand (rule ids, `until DATE`, `-- reason`).
const DIRECTIVE = /policy-lens-disable-(next-line|line)\b([^\n\r]{0,2000})/g;
const RULE_ID = /^[A-Za-z0-9_-]+$/;

/** Finds suppression comments (`//`, `/* *\/` and JSX `{/* *\/}`) in a file. */
export function findSuppressions(text: string, lines: LineIndex, knownRuleIds: ReadonlySet<string>, today: string): SuppressionComment[] {
  const out: SuppressionComment[] = [];
  if (!text.includes('policy-lens-disable')) return out;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    const lead = lineBefore(text, m.index).trim();
    if (!/(\/\/|\/\*)[ \t]*$/.test(before) && lead !== '' && lead !== '*') continue;
    let rest = m[2]!;
    const close = rest.indexOf('*/');
    if (close >= 0) rest = rest.slice(0, close);
    rest = rest.trimEnd();
    if (rest.endsWith('}')) rest = rest.slice(0, -1).trimEnd();
    const start = m.index;
    const end = m.index + m[0].length;
    const line = lines.position(start).line;
    const commentEndLine = close >= 0 ? line : lines.position(blockEnd(text, start)).line;
    const targetLine = m[1] === 'next-line' ? commentEndLine + 1 : line;
    const s: SuppressionComment = { targetLine, line, start, end, ruleIds: [], used: false };
    const body = parseBody(rest);
    if (!body) {
      s.problem = 'cannot read this suppression: expected `policy-lens-disable-next-line <rule-id> [until YYYY-MM-DD] -- <reason>`';
    } else {
      s.ruleIds = body.ruleIds;
      s.until = body.until;
      s.reason = body.reason;
      s.problem = problemOf(s, knownRuleIds, today);
    }
    out.push(s);
  }
  return out;
}

/** `<id>[, <id>] [until DATE] [-- reason]` → parts; undefined when the words are not in that shape. */
function parseBody(rest: string): { ruleIds: string[]; until?: string; reason?: string } | undefined {
  const dash = rest.indexOf('--');
  const head = (dash >= 0 ? rest.slice(0, dash) : rest).trim();
  const reason = dash >= 0 ? rest.slice(dash + 2).trim() || undefined : undefined;
  const words = head.split(/[ \t]+/).filter(Boolean);
  let until: string | undefined;
  const u = words.indexOf('until');
  if (u >= 0) {
    if (u !== words.length - 2) return undefined;
    until = words[u + 1];
    words.splice(u, 2);
  }
  const ruleIds = words.join(' ').split(',').map((r) => r.trim()).filter(Boolean);
  if (ruleIds.some((r) => !RULE_ID.test(r))) return undefined;
  return { ruleIds, until, reason };
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

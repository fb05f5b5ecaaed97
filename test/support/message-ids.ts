import { allRules } from '../../rules/index';

/**
 * Which of a rule's message templates a finding's message was made from. Findings carry the formatted text
 * only (the engine drops the id), so each template is matched as a glob: its `{{placeholders}}` stand for
 * any text, after the `[A.1, B.2] ` clause prefix the engine adds.
 */
export function messageIdsOf(ruleId: string, message: string): string[] {
  const rule = allRules.find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const text = message.replace(/^\[[^\]]*\] /, '');
  return Object.entries(rule.meta.messages).filter(([, template]) => globMatches(template.split(/\{\{\s*\w+\s*\}\}/), text)).map(([id]) => id);
}

export function hasMessageId(ruleId: string, id: string): boolean {
  return allRules.some((r) => r.meta.id === ruleId && Object.hasOwn(r.meta.messages, id));
}

/** `parts` joined by wildcards matches all of `text`: leftmost placement of each literal is enough for `*` globs. */
function globMatches(parts: string[], text: string): boolean {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (parts.length === 1) return text === first;
  if (!text.startsWith(first) || !text.endsWith(last) || first.length + last.length > text.length) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const i = text.indexOf(part, at);
    if (i < 0 || i + part.length > end) return false;
    at = i + part.length;
  }
  return true;
}

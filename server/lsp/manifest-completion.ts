// Scope and event names in web1on1-app.json for editors that do not read the manifest's JSON schema
// (VS Code does, through contributes.jsonValidation, and tells the server so in its init options).
import { getLocation } from 'jsonc-parser';
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { EVENTS, SCOPES } from '../../rules/src/data';
import { LineIndex } from '../../rules/src/positions';

/** Completion items for the string value at `position`, or none when it is not a scope or event slot. */
export function manifestCompletions(text: string, position: Position): CompletionItem[] {
  const loc = getLocation(text, new LineIndex(text).offset(position));
  if (loc.isAtPropertyKey) return [];
  const p = loc.path;
  const quoted = loc.previousNode?.type === 'string';
  const wrap = (s: string) => (quoted ? s : JSON.stringify(s));
  if (p[0] === 'scopes' && typeof p[1] === 'number' && (p.length === 2 || (p.length === 3 && p[2] === 'scope'))) {
    return SCOPES.map((s, i) => ({
      label: s.scope,
      kind: CompletionItemKind.EnumMember,
      detail: `personal data: ${s.personalData}`,
      documentation: `${s.description} (${s.covers}). Policy Lens's own least-privilege scope, not a Web1on1 permission.`,
      insertText: wrap(s.scope),
      sortText: String(i).padStart(3, '0'),
    }));
  }
  if (p[0] === 'webhook' && p[1] === 'events' && typeof p[2] === 'number') {
    const wildcards = Object.keys(EVENTS.resourceScopes).map((r) => `${r}.*`);
    return [...EVENTS.known, ...wildcards].map((e) => ({ label: e, kind: CompletionItemKind.Event, insertText: wrap(e) }));
  }
  return [];
}

import { ts } from '../../src/ts';
import { classifyMessage } from '../../src/model/audience';
import { brandMisspellings, proseOnly, WEB1ON1 } from '../../src/manifest/listing-text';
import { createCodeRule } from '../../src/rule';
import type { Fix } from '../../src/types';

/** Every spelling of the brand starts with "web" (same flags as WEB1ON1_SPELLING): texts without it need no prose pass. */
const MAY_NAME_BRAND = /web/iu;

export default createCodeRule({
  meta: {
    id: 'brand-name-in-messages',
    target: 'code',
    // reads only the texts of SDK send calls
    requires: ['sdk-calls'],
    description: 'Messages the app sends misspell the Web1on1 brand.',
    clauses: ['E.1'],
    severity: 'warning',
    fixable: true,
    messages: {
      misspelled: 'The brand is written "Web1on1", not "{{found}}" (people read this message)',
      lowercase: 'The brand is written "Web1on1" with a capital W, also mid-sentence ("{{found}}")',
    },
  },
  create(context) {
    return {
      onEnd() {
        const seen = new Set<ts.Node>();
        for (const c of context.model.sdk.calls) {
          if (c.kind !== 'send') continue;
          for (const t of classifyMessage(context.model, c).texts) {
            // a constant sent from several places is one finding
            if (seen.has(t.node)) continue;
            seen.add(t.node);
            if (!MAY_NAME_BRAND.test(t.text)) continue;
            for (const m of brandMisspellings(proseOnly(t.text), false)) {
              const at = literalRange(context.sourceFile, t.node, t.text, m.start, m.end);
              const fixes: Fix[] = at ? [{ description: `Write "${WEB1ON1}"`, edits: [{ file: context.file, ...at, newText: WEB1ON1 }], safe: true }] : [];
              context.report({ messageId: m.nit ? 'lowercase' : 'misspelled', data: { found: m.found }, severity: m.nit ? 'info' : undefined, start: at?.start ?? t.node.getStart(context.sourceFile), end: at?.end ?? t.node.getEnd(), fixes });
            }
          }
        }
      },
    };
  },
});

/** Offsets of text[start, end) inside a string or template literal whose source spells the text out unescaped. */
function literalRange(sf: ts.SourceFile, node: ts.Node, text: string, start: number, end: number): { start: number; end: number } | undefined {
  if (!ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node)) return undefined;
  const raw = node.getText(sf).slice(1, -1);
  if (raw !== text) return undefined;
  const base = node.getStart(sf) + 1;
  return { start: base + start, end: base + end };
}

import { brandMisspellings, fileRange, listingTexts, WEB1ON1 } from '../../src/manifest/listing-text';
import { createAppRule } from '../../src/rule';

export default createAppRule({
  meta: {
    id: 'brand-name',
    target: 'manifest',
    description: 'The listing misspells the Web1on1 brand ("Web1On1", "Web 1on1", "WebOneOnOne" …).',
    clauses: ['E.1'],
    severity: 'warning',
    fixable: true,
    messages: {
      misspelled: 'The brand is written "Web1on1", not "{{found}}" (in {{field}})',
      lowercase: 'The brand is written "Web1on1" with a capital W, also mid-sentence (in {{field}}: "{{found}}")',
    },
  },
  check(context) {
    const doc = context.manifest;
    if (!doc) return;
    for (const t of listingTexts(doc)) {
      for (const m of brandMisspellings(t.prose, t.pointer === '/name')) {
        const range = fileRange(doc, t.pointer, m.start, m.end);
        context.report({
          pointer: t.pointer,
          messageId: m.nit ? 'lowercase' : 'misspelled',
          data: { found: m.found, field: t.pointer.slice(1).replace('/', '.') },
          // lower case mid-sentence is a nit, not a misspelling
          severity: m.nit ? 'info' : undefined,
          fixes: range ? [{ description: `Write "${WEB1ON1}"`, edits: [{ file: doc.path, ...range, newText: WEB1ON1 }], safe: true }] : [],
        });
      }
    }
  },
});

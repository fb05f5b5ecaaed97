import { createAppRule } from '../../src/rule';
import { findProfanity, maskWord } from '../../src/lexicon/profanity';

/** Listing text a dealer reads in the Bot Store or Expert marketplace. */
const LISTING_POINTERS = ['/name', '/description', '/listing/shortDescription', '/listing/description', '/listing/longDescription', '/listing/category'];

export default createAppRule({
  meta: {
    id: 'listing-offensive-language',
    target: 'manifest',
    description: 'Vulgar or obscene words in the app name, description or listing text.',
    clauses: ['F.2'],
    severity: 'warning',
    fixable: false,
    messages: {
      vulgar: 'The listing text contains vulgar or obscene language ("{{word}}"{{more}}): dealers read it in the marketplace',
    },
  },
  check(context) {
    const doc = context.manifest;
    if (!doc || !context.app.manifestObject()) return;
    for (const pointer of LISTING_POINTERS) {
      const value = doc.get(pointer);
      if (typeof value !== 'string') continue;
      const hits = findProfanity(value);
      if (!hits.length) continue;
      context.report({ pointer, messageId: 'vulgar', data: { word: maskWord(hits[0]!.word), more: hits.length > 1 ? ` and ${hits.length - 1} more` : '' } });
    }
  },
});

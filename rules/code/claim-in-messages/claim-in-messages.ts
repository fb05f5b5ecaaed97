import { ts } from '../../src/ts';
import { createCodeRule } from '../../src/rule';
import { findAffiliationClaims } from '../../src/lexicon/affiliation-claims';
import { findMisleadingClaims, type MisleadingKind } from '../../src/lexicon/misleading-claims';
import { readableTexts } from '../../src/lexicon/readable-text';
import { proseOnly } from '../../src/manifest/listing-text';

/** Claims whose truth depends on facts of other files (what the app stores): the listing rule weighs those. */
const NEEDS_APP_FACTS: ReadonlySet<MisleadingKind> = new Set(['neverStores']);

export default createCodeRule({
  meta: {
    id: 'claim-in-messages',
    target: 'code',
    description: 'Messages that claim the app is made or endorsed by another company ("the official Volkswagen assistant") or promise what no app keeps ("never makes mistakes", "end-to-end encrypted").',
    clauses: ['D.5', 'B.3'],
    severity: 'warning',
    fixable: false,
    messages: {
      affiliation: 'This {{part}} presents the app as {{brand}}\'s ("{{quote}}"): people read it as made or endorsed by {{brand}}; say it only with {{brand}}\'s written permission, or say what the app works with',
      misleading: 'This {{part}} claims "{{quote}}": {{why}}',
    },
  },
  create(context) {
    return {
      // no-op: makes the file model collect object literals, where message-shaped objects and dictionaries are found
      [ts.SyntaxKind.ObjectLiteralExpression]() {},
      onEnd() {
        for (const t of readableTexts(context.model)) {
          if (t.audience === 'internal' || t.part === 'link' || t.isFieldKey) continue;
          const prose = proseOnly(t.text);
          const part = t.part === 'action' ? 'button' : t.part === 'item' ? 'card' : t.part === 'form' || t.part === 'field' ? 'form' : 'message';
          const affiliations = findAffiliationClaims(t.text, prose);
          const start = t.node.getStart(context.sourceFile);
          const end = t.node.getEnd();
          if (affiliations.length) {
            const a = affiliations[0]!;
            context.report({ messageId: 'affiliation', data: { part, brand: a.brand, quote: a.quote }, start, end, clauses: ['D.5', 'B.3'] });
            continue;
          }
          const claim = findMisleadingClaims(t.text, prose).find((c) => !NEEDS_APP_FACTS.has(c.kind));
          if (claim) context.report({ messageId: 'misleading', data: { part, quote: claim.quote, why: WHY[claim.kind] }, start, end, clauses: ['B.3'] });
        }
      },
    };
  },
});

const WHY: Record<MisleadingKind, string> = {
  official: 'an app is not official unless Web1on1 or the brand made it; say what it does',
  guaranteed: 'a guarantee the app cannot keep in every case misleads; say what it does and its limits',
  gdprCertified: 'there is no general GDPR certificate for apps; say what you do (data minimisation, erasure)',
  absolute: 'no software is absolutely secure or private; say what is protected and how',
  neverStores: 'say what the app stores, for how long, and how it is erased',
  infallible: 'no software (and no AI) is always right; say that answers can be wrong and where a person takes over',
  endToEnd: 'the app reads the messages to answer them, so they are not end-to-end encrypted; say what is encrypted (transport, storage)',
};

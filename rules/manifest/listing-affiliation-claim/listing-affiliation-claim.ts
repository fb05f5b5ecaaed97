import { findAffiliationClaims } from '../../src/lexicon/affiliation-claims';
import { listingTexts, readmeText, WEB1ON1_SPELLING } from '../../src/manifest/listing-text';
import { createAppRule } from '../../src/rule';

export default createAppRule({
  meta: {
    id: 'listing-affiliation-claim',
    target: 'manifest',
    description: 'The listing claims the app is made, authorised or endorsed by Web1on1, a car brand or a platform.',
    clauses: ['D.5', 'B.3'],
    severity: 'warning',
    fixable: false,
    messages: {
      official: '{{field}} presents the app as official {{brand}} ("{{quote}}"): only {{brand}} can say that. Say what it works with instead ({{example}})',
      madeBy: '{{field}} says the app is made, authorised or endorsed by {{brand}} ("{{quote}}"): claim that only with {{brand}}\'s written permission',
      own: '{{field}} presents the app as {{brand}}\'s own ("{{quote}}")',
      partner: '{{field}} claims a partnership with {{brand}} ("{{quote}}"): claim that only with {{brand}}\'s written permission',
      certified: '{{field}} claims {{brand}} certified or approved the app ("{{quote}}"): claim that only with {{brand}}\'s written permission',
      developer: 'developer.name says Web1on1 builds this app ("{{quote}}"): name your own company',
    },
  },
  check(context) {
    const doc = context.manifest;
    for (const t of listingTexts(doc)) {
      for (const claim of findAffiliationClaims(t.text, t.prose, { isName: t.pointer === '/name' })) {
        context.report({ pointer: t.pointer, messageId: claim.kind, data: { field: t.pointer.slice(1).replace('/', '.'), brand: claim.brand, quote: claim.quote, example: claim.brandKind === 'car brand' ? `"for ${claim.brand} dealers"` : `"for ${claim.brand}"` } });
      }
    }
    // the README presents the app too (only beside a manifest: a library's README is not an app's listing)
    const readme = doc ? readmeText(context.app.root, context.paths, context.readFile) : undefined;
    for (const claim of readme ? findAffiliationClaims(readme.text, readme.prose) : []) {
      context.report({ file: readme!.file, start: claim.start, end: claim.end, messageId: claim.kind, data: { field: 'The README', brand: claim.brand, quote: claim.quote, example: claim.brandKind === 'car brand' ? `"for ${claim.brand} dealers"` : `"for ${claim.brand}"` } });
    }
    const [dev] = listingTexts(doc, ['/developer/name']);
    WEB1ON1_SPELLING.lastIndex = 0;
    if (dev && WEB1ON1_SPELLING.test(dev.prose)) context.report({ pointer: '/developer/name', messageId: 'developer', data: { quote: dev.text.slice(0, 60) } });
  },
});

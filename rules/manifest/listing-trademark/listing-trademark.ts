import { brandMentions, listingTexts } from '../../src/manifest/listing-text';
import { createAppRule } from '../../src/rule';

/** A preposition before the mention makes it nominative: "Reminders for BMW and MINI dealers", "Planner voor Peugeot-, Citroën- en Opel-dealers", "Reminders via WhatsApp". */
const PREPOSITION = /(?<![\p{L}\p{N}])(?:for|voor|with|met|via|over|on|op|into|to|naar|from|bij)(?![\p{L}\p{N}])/iu;

export default createAppRule({
  meta: {
    id: 'listing-trademark',
    target: 'manifest',
    description: 'The app name leads with a third-party trademark (car brands, messaging platforms, Web1on1).',
    clauses: ['E.2'],
    severity: 'warning',
    fixable: false,
    messages: {
      trademark: 'The app name uses the {{kind}} trademark "{{brand}}" as its own: name the app after what it does and mention {{brand}} nominatively ({{example}})',
      web1on1: 'The app name uses the Web1on1 trademark as its own: dealers read it as Web1on1\'s app; name it after what it does ("… for Web1on1")',
    },
  },
  check(context) {
    const [name] = listingTexts(context.manifest, ['/name']);
    if (!name) return;
    const reported = new Set<string>();
    for (const b of brandMentions(name.prose, { web1on1: true })) {
      if (reported.has(b.brand) || PREPOSITION.test(name.prose.slice(0, b.start))) continue;
      reported.add(b.brand);
      if (b.kind === 'Web1on1') context.report({ pointer: '/name', messageId: 'web1on1' });
      else context.report({ pointer: '/name', messageId: 'trademark', data: { brand: b.brand, kind: b.kind, example: b.kind === 'car brand' ? `"… for ${b.brand} dealers"` : `"… via ${b.brand}"` } });
    }
  },
});

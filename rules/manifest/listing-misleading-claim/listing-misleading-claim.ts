import { findMisleadingClaims } from '../../src/lexicon/misleading-claims';
import { listingTexts, readmeText } from '../../src/manifest/listing-text';
import { createAppRule } from '../../src/rule';

export default createAppRule({
  meta: {
    id: 'listing-misleading-claim',
    target: 'code+manifest',
    description: 'Misleading claims in the listing: "official", "guaranteed", "100% secure", "GDPR certified", "never makes mistakes", "end-to-end encrypted", "never stores data" while it does.',
    clauses: ['B.3'],
    severity: 'warning',
    fixable: false,
    messages: {
      official: '{{field}} calls the app "{{quote}}": an app is not official unless Web1on1 or the brand made it. Describe what it does',
      guaranteed: '{{field}} promises "{{quote}}": a guarantee the app cannot keep in every case misleads dealers. State what it does and its limits',
      gdprCertified: '{{field}} claims "{{quote}}": there is no general GDPR certificate for apps; say what you do (DPA, data minimisation, erasure)',
      absolute: '{{field}} claims "{{quote}}": no software is absolutely secure or private. State the measures instead (encryption, signed webhooks, retention)',
      neverStores: '{{field}} says "{{quote}}", but {{evidence}}: say what the app stores, for how long, and how it is erased',
      infallible: '{{field}} promises "{{quote}}": no software (and no AI) is always right. Say what it does and where a person takes over',
      endToEnd: '{{field}} claims "{{quote}}": the app reads the messages to answer them, so they are not end-to-end encrypted. Say what is encrypted (transport, storage)',
    },
  },
  check(context) {
    const m = context.app.manifestObject();
    if (!m) return;
    const declared = m.dataProtection?.storesPersonalData === true;
    const stored = [...context.index.files].flatMap(([file, f]) => f.storesPersonalData.map((s) => ({ file, ...s })))[0];
    const evidence = stored ? `the code stores personal data (${stored.what})` : declared ? 'dataProtection.storesPersonalData is true' : undefined;
    for (const t of listingTexts(context.manifest)) {
      for (const c of findMisleadingClaims(t.text, t.prose, { listing: true, isName: t.pointer === '/name' })) {
        if (c.kind === 'neverStores' && !evidence) continue;
        context.report({ pointer: t.pointer, messageId: c.kind, data: { field: t.pointer.slice(1).replace('/', '.'), quote: c.quote, evidence: evidence ?? '' } });
      }
    }
    // the README presents the app too: the same claims mislead there
    const readme = readmeText(context.app.root, context.paths, context.readFile);
    for (const c of readme ? findMisleadingClaims(readme.text, readme.prose, { listing: true }) : []) {
      if (c.kind === 'neverStores' && !evidence) continue;
      context.report({ file: readme!.file, start: c.start, end: c.end, messageId: c.kind, data: { field: 'The README', quote: c.quote, evidence: evidence ?? '' } });
    }
    // "we never store your data" told to consumers by the app itself (claim-in-messages leaves this one here)
    if (!evidence) return;
    for (const [file, f] of context.index.files) {
      for (const c of f.neverStoresClaims ?? []) context.report({ file, start: c.start, end: c.end, messageId: 'neverStores', data: { field: 'A text of the app', quote: c.quote, evidence: evidence ?? '' } });
    }
  },
});

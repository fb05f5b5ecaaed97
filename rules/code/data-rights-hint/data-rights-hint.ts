import { ts } from '../../src/ts';
import { EVENTS } from '../../src/data';
import { listingTexts } from '../../src/manifest/listing-text';
import { createCodeRule } from '../../src/rule';
import { calleeName, isFunctionLike, unwrap } from '../../src/model/syntax';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'delete', 'all', 'use', 'route']);
const EXPORT_WORD = /(?:^|[/_.-])(?:export|download)(?:$|[/_.-])/;
const PERSONAL_WORD = /contact|customer|klant|conversation|gesprek|lead|person|user|data|gegevens/;
const DSAR_WORD = /(?:^|[/_.-])(?:gdpr|avg|dsar|inzage|portability|subject-?access|data-?requests?)(?:$|[/_.-])/;
const ERASE_WORD = /(?:^|[/_.-])(?:erase|erasure|forget|forget-me|vergeet-mij|right-to-be-forgotten)(?:$|[/_.-])/;
const DOCUMENTS_EXPORT = /export|portab|download|inzage|exporteer|overdraagba/i;

type Flow = 'erasure' | 'export';

export default createCodeRule({
  meta: {
    id: 'data-rights-hint',
    target: 'code+manifest',
    // without a manifest there is nothing to document a flow in (manifest-missing says so)
    requires: ['manifest'],
    description: 'Hint: the app offers an erasure or export flow the manifest does not document yet.',
    clauses: ['E.5'],
    severity: 'info',
    fixable: false,
    messages: {
      erasure: 'The app handles {{what}}: describe this erasure flow in the manifest\'s dataProtection.erasure so dealers can rely on it for GDPR erasure requests',
      export: 'The app offers a data export ({{what}}): mention it in the listing description or dataProtection so dealers can use it for access and portability requests',
    },
  },
  create(context) {
    const manifest = context.app?.manifestObject();
    const erasure = manifest?.dataProtection?.erasure;
    const documented: Record<Flow, boolean> = {
      erasure: erasure !== undefined && erasure.trim() !== '',
      export: listingTexts(context.app?.manifest, ['/description', '/listing/shortDescription', '/dataProtection/erasure']).some((t) => DOCUMENTS_EXPORT.test(t.text)),
    };
    // the first flow of each kind in the file, by position: one hint per file and kind is enough
    const found: { flow: Flow; node: ts.Node; what: string }[] = [];
    const isErasureEvent = (s: string) => EVENTS.erasureEvents.includes(s);
    return {
      // hand-written webhook routes: `case 'contact.delete':` / `event === 'contact.delete'`
      [ts.SyntaxKind.CaseClause](node) {
        const e = unwrap((node as ts.CaseClause).expression);
        if (ts.isStringLiteralLike(e) && isErasureEvent(e.text)) found.push({ flow: 'erasure', node: e, what: `the ${e.text} event` });
      },
      [ts.SyntaxKind.BinaryExpression](node) {
        const b = node as ts.BinaryExpression;
        const k = b.operatorToken.kind;
        if (k !== ts.SyntaxKind.EqualsEqualsEqualsToken && k !== ts.SyntaxKind.EqualsEqualsToken) return;
        for (const side of [unwrap(b.left), unwrap(b.right)]) if (ts.isStringLiteralLike(side) && isErasureEvent(side.text)) found.push({ flow: 'erasure', node: side, what: `the ${side.text} event` });
      },
      onEnd() {
        // without a manifest there is nothing to document the flow in (manifest-missing says so)
        if (!manifest) return;
        for (const c of context.model.sdk.calls) {
          // a wildcard subscription receives deletions but does not show that the app acts on them
          const ev = c.kind === 'subscribe' ? c.events?.find(isErasureEvent) : undefined;
          if (ev) found.push({ flow: 'erasure', node: c.call, what: `the ${ev} event` });
        }
        // a set, not a search per call: big files have thousands of calls
        const httpCalls = new Set(context.model.http.calls.map((h) => h.call));
        for (const call of context.model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
          const path = routePath(call, httpCalls.has(call));
          if (!path) continue;
          const p = path.toLowerCase();
          if (ERASE_WORD.test(p)) found.push({ flow: 'erasure', node: call, what: `an erasure endpoint (${path})` });
          else if (DSAR_WORD.test(p) || (EXPORT_WORD.test(p) && PERSONAL_WORD.test(p))) found.push({ flow: 'export', node: call, what: `an endpoint ${path}` });
        }
        for (const flow of ['erasure', 'export'] as const) {
          const first = found.filter((f) => f.flow === flow).sort((a, b) => a.node.getStart(context.sourceFile) - b.node.getStart(context.sourceFile))[0];
          if (first && !documented[flow]) context.report({ messageId: flow, data: { what: first.what }, start: first.node.getStart(context.sourceFile), end: first.node.getEnd() });
        }
      },
    };
  },
});

/** The path of a route registration `app.get('/x', handler)` (not an outbound HTTP call). */
function routePath(call: ts.CallExpression, isHttpClientCall: boolean): string | undefined {
  if (isHttpClientCall || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  const method = calleeName(call);
  if (!method || !ROUTE_METHODS.has(method)) return undefined;
  // indexed, not destructured: `get` is also every Map's and Headers' method, so this runs for many calls
  const args = call.arguments;
  const first = args[0] && unwrap(args[0]);
  if (!first || !ts.isStringLiteralLike(first)) return undefined;
  const path = first.text;
  if (!path.startsWith('/')) return undefined;
  for (let i = 1; i < args.length; i++) {
    const a = unwrap(args[i]!);
    if (isFunctionLike(a) || ts.isIdentifier(a) || ts.isPropertyAccessExpression(a)) return path;
  }
  return undefined;
}

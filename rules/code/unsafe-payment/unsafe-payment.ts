import { ts } from '../../src/ts';
import providers from '../../data/lexicons/payment-providers.json';
import { createCodeRule } from '../../src/rule';
import { hostOf, isLoopbackHost, isPlaceholderHost, isPlatformHost } from '../../src/model/hosts';
import { HOLE } from '../../src/model/values';

const PAYMENT_WORDS = new Set(providers.paymentWords);
// bounded: a URL in a string is at most 2,000 characters of non-space, non-quote characters
const URL_IN_TEXT = /\bhttps?:\/\/[^\s'"<>`\u0001]{1,2000}/gi;
/** `http://${PAY_HOST}/checkout`: plain http to a host set at run time; what follows the host is its path. */
const HTTP_TO_UNKNOWN_HOST = /\bhttp:\/\/\u0001[^\s'"<>`]{0,2000}/gi;

export default createCodeRule({
  meta: {
    id: 'unsafe-payment',
    target: 'code',
    description: 'Payment links over http, or to hosts that are not approved payment providers.',
    clauses: ['D.6'],
    severity: 'error',
    securitySeverity: 7.0,
    fixable: true,
    defaultOptions: { approvedPaymentHosts: providers.approvedPaymentHosts },
    messages: {
      insecure: 'Payment link over http ({{host}}): anyone on the path can read or change the payment',
      unapproved: 'Payment link to {{host}}, which is not an approved payment provider (option approvedPaymentHosts): take payments on a provider\'s hosted page',
      insecureUnknownHost: 'Payment link over http ({{path}} on a host set at run time): anyone on the path can read or change the payment; use https',
    },
  },
  create(context) {
    const approved = approvedList(context.options['approvedPaymentHosts']);
    const check = (node: ts.Node) => {
      const text = stringOf(context, node);
      // every URL the pattern finds has "://": most strings have none, and includes() is cheaper than the scan
      if (!text || !text.includes('://')) return;
      // `${PAYMENT_BASE}?order=${id}`: the link is reported once, at the literal that writes it
      if (ts.isTemplateExpression(node) && !ownText(node).includes('://')) return;
      if (text.includes(HOLE)) {
        for (const m of text.matchAll(HTTP_TO_UNKNOWN_HOST)) {
          const path = pathOf(m[0].replace(HOLE, 'host'));
          if (isPaymentUrl('', path)) context.report({ messageId: 'insecureUnknownHost', data: { path: path.replaceAll(HOLE, '…') }, start: node.getStart(context.sourceFile), end: node.getEnd() });
        }
      }
      for (const m of text.matchAll(URL_IN_TEXT)) {
        const url = m[0];
        const host = hostOf(url);
        // `'http://' + host + '/pay'`: a literal of the concatenation that holds the whole URL reports it
        if (ts.isBinaryExpression(node) && literalHolds(node, url)) continue;
        if (!host || host.includes(HOLE) || isLoopbackHost(host) || isPlaceholderHost(host)) continue;
        const path = pathOf(url);
        const isApproved = approved.some((a) => hostMatches(host, path, a));
        // a provider's host is a payment link even when this app's config does not approve it
        const isProvider = providers.approvedPaymentHosts.some((a) => hostMatches(host, path, a));
        if (!isApproved && !isProvider && !isPaymentUrl(host, path)) continue;
        if (/^http:/i.test(url)) {
          context.report({ messageId: 'insecure', data: { host }, start: node.getStart(context.sourceFile), end: node.getEnd(), fixes: httpsFix(context.file, context.sourceFile, node, url) });
        } else if (!isApproved && !isPlatformHost(host) && !context.app?.isOwnHost(host)) {
          // the dealer may use a provider we do not list: a likely problem, not a certain one
          context.report({ messageId: 'unapproved', data: { host }, start: node.getStart(context.sourceFile), end: node.getEnd(), severity: 'warning' });
        }
      }
    };
    return {
      [ts.SyntaxKind.StringLiteral]: check,
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: check,
      [ts.SyntaxKind.TemplateExpression]: check,
      // `'http://' + PAY_HOST + '/checkout'`: the whole concatenation, once (not each of its parts)
      [ts.SyntaxKind.BinaryExpression]: (node: ts.Node) => {
        const b = node as ts.BinaryExpression;
        if (b.operatorToken.kind !== ts.SyntaxKind.PlusToken || (ts.isBinaryExpression(b.parent) && b.parent.operatorToken.kind === ts.SyntaxKind.PlusToken)) return;
        if (!b.getText(context.sourceFile).includes('://')) return;
        check(b);
      },
    };
  },
});

function stringOf(context: { model: { values: { string(n: ts.Expression): { text: string } | undefined } } }, node: ts.Node): string | undefined {
  const p = node.parent;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p) || (ts.isPropertyAssignment(p) && p.name === node)) return undefined;
  if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === 'require') return undefined;
  // a plain literal is its own text: no resolver object for every string in the file
  return ts.isStringLiteralLike(node) ? node.text : context.model.values.string(node as ts.Expression)?.text;
}

/** A string literal among the operands of a `+` chain contains the whole URL (it is reported there). */
function literalHolds(node: ts.BinaryExpression, url: string): boolean {
  // a loop, not recursion: a generated file may chain thousands of parts
  const stack: ts.Expression[] = [node];
  while (stack.length) {
    const e = stack.pop()!;
    if (ts.isStringLiteralLike(e) && e.text.includes(url)) return true;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) stack.push(e.left, e.right);
  }
  return false;
}

/** The text a template writes itself, without what its substitutions bring in. */
function ownText(node: ts.TemplateExpression): string {
  return node.head.text + node.templateSpans.map((s) => s.literal.text).join('');
}

function approvedList(option: unknown): string[] {
  return Array.isArray(option) ? option.filter((x): x is string => typeof x === 'string').map((x) => trimSlashes(x.toLowerCase().replace(/^https?:\/\//, ''))) : providers.approvedPaymentHosts;
}

function trimSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '/') end--;
  return s.slice(0, end);
}

function pathOf(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? '';
}

/** `mollie.com` matches itself and its subdomains; `ing.nl/ideal` also needs the path. */
function hostMatches(host: string, path: string, entry: string): boolean {
  const slash = entry.indexOf('/');
  const h = slash < 0 ? entry : entry.slice(0, slash);
  const p = slash < 0 ? '' : entry.slice(slash);
  return (host === h || host.endsWith('.' + h)) && (!p || path === p || path.startsWith(p + '/'));
}

/** "pay", "checkout", "betalen" … as a word of the host or of a path segment. */
function isPaymentUrl(host: string, path: string): boolean {
  const words = [...host.split(/[.-]/), ...path.split(/[/_.\-]/)].map((w) => w.toLowerCase());
  return words.some((w) => PAYMENT_WORDS.has(w));
}

function httpsFix(file: string, sf: ts.SourceFile, node: ts.Node, url: string) {
  const source = node.getText(sf);
  const at = source.indexOf(url.slice(0, Math.min(url.length, 40)));
  if (at < 0) return undefined;
  const start = node.getStart(sf) + at;
  return [{ description: 'Use https', edits: [{ file, start, end: start + 'http://'.length, newText: 'https://' }], safe: false }];
}

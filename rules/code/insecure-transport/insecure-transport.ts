import { ts } from '../../src/ts';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { effectiveUrl } from '../../src/model/http';
import { hostOf, isKnownHttpsHost, isLoopbackHost, isPlaceholderHost } from '../../src/model/hosts';
import { objectProperty, propertyName, unwrap } from '../../src/model/syntax';
import { HOLE } from '../../src/model/values';
import type { Fix } from '../../src/types';
import { credentialKind, credentialShape, isKeyShaped, isPlaceholder, nameWords } from '../../src/lexicon/credentials/secret-shape';
import { credentialValue } from '../../src/lexicon/credentials/credential-value';
import { queryStart } from '../../src/lexicon/credentials/url-parts';
import { flattenUrl, holesIn, isPartOfLargerString, queryPairs } from '../../src/lexicon/credentials/url-flatten';

/**
 * Words that make a URL-valued name carry API, webhook, payment-notification or auth traffic. A payment or
 * checkout page (`PAYMENT_BASE`, `checkoutUrl`) is a link consumers open, not traffic the app sends with a
 * credential: an http:// one is unsafe-payment's (D.6); the app's own calls to such a host are checked as calls.
 */
const TRAFFIC_WORDS = new Set(['api', 'base', 'prefix', 'webhook', 'hook', 'callback', 'notify', 'notification', 'redirect', 'return', 'cancel', 'success', 'ipn', 'auth', 'oauth', 'token', 'login', 'endpoint']);
const URL_WORDS = new Set(['url', 'uri', 'endpoint', 'host', 'base']);
const NODE_HTTP_MODULES = new Set(['http', 'node:http']);
/** A hole of a URL is a value: an object there is not followed into. */
const IN_URL = { objects: false };

export default createCodeRule({
  meta: {
    id: 'insecure-transport',
    target: 'code',
    description: 'Plain http:// to a non-loopback host for API calls, the SDK host, webhook, payment or auth URLs.',
    clauses: ['B.2'],
    severity: 'error',
    securitySeverity: 7.4,
    fixable: true,
    messages: {
      insecure: 'Plain http:// to {{host}} in {{what}}: tokens, webhook payloads and consumer data cross the network readable and changeable by anyone on the path; use https',
      credentialOverHttp: '{{what}} travels in the query string of a plain http:// request to {{host}}: anyone on the path can read and reuse it; use https',
    },
  },
  create(context) {
    const reported = new Set<ts.Node>();
    let sends: Set<ts.CallExpression> | undefined;
    const sentCalls = () => (sends ??= new Set(context.model.sdk.calls.filter((c) => c.kind === 'send').map((c) => c.call)));
    const check = (expr: ts.Expression | undefined, what: string, reportAt?: ts.Node) => {
      if (!expr) return;
      const url = context.model.values.string(expr);
      if (!url) return;
      checkUrl(url.text, expr, what, reportAt);
    };
    /** The public host of a plain http:// URL, or undefined. */
    const plainHttpHost = (text: string): string | undefined => {
      if (!/^http:\/\//i.test(text)) return undefined;
      const host = hostOf(text.split(HOLE, 1)[0]!);
      if (!host || text.slice(7).split(/[/?#]/, 1)[0]!.includes(HOLE) || !isPublicHost(host)) return undefined;
      return host;
    };
    const reportAt = (messageId: string, host: string, what: string, expr: ts.Expression | undefined, fallback?: ts.Node) => {
      const literal = expr ? httpLiteral(context, expr) : undefined;
      const at = literal ?? fallback ?? expr;
      if (!at || reported.has(at)) return;
      reported.add(at);
      // Offered for every host; applied on save only where the host is known to serve https (else the
      // server may not speak TLS and the call would break).
      const fixes: Fix[] = literal ? [{ description: 'Use https://', edits: [{ file: context.file, start: literal.getStart(context.sourceFile) + 5, end: literal.getStart(context.sourceFile) + 5, newText: 's' }], safe: isKnownHttpsHost(host) }] : [];
      context.report({ messageId, data: { host, what }, start: at.getStart(context.sourceFile), end: at.getEnd(), fixes });
    };
    const checkUrl = (text: string, expr: ts.Expression | undefined, what: string, fallback?: ts.Node) => {
      const host = plainHttpHost(text);
      if (host) reportAt('insecure', host, what, expr, fallback);
    };
    /** Any plain http:// URL, whatever it is called, whose query carries a credential (`&APPID=' + node.credentials.apikey`). */
    // that query needs an =: in a file whose strings cannot hold one, no URL is resolved for it
    const mayHoldQuery = context.model.mayContainAny('=');
    const visitUrlExpression = (node: ts.Node) => {
      if (!mayHoldQuery || isPartOfLargerString(node)) return;
      // most literals are no http:// URL with a query: decided without resolving anything
      if (ts.isStringLiteral(node) && (!node.text.includes('=') || !/^http:\/\//i.test(node.text))) return;
      const expr = node as ts.Expression;
      const text = context.model.values.string(expr)?.text;
      if (!text || !text.includes('=') || !plainHttpHost(text)) return;
      const flat = flattenUrl(context.model.values, expr);
      const host = flat ? plainHttpHost(flat.text) : undefined;
      if (!flat || !host) return;
      const url = flat.text.split(/\s/, 1)[0]!;
      for (const { name, value } of queryPairs(url, queryStart(url))) {
        const holes = holesIn(flat, value);
        const what = holes.length ? holes.map((h) => credentialValue(context.model, h, IN_URL)).find(Boolean) : literalKey(name, value) ? `A credential (${name}=)` : undefined;
        if (what) return reportAt('credentialOverHttp', host, what, expr);
      }
    };

    return {
      [ts.SyntaxKind.StringLiteral]: visitUrlExpression,
      [ts.SyntaxKind.TemplateExpression]: visitUrlExpression,
      [ts.SyntaxKind.BinaryExpression]: (node) => {
        if ((node as ts.BinaryExpression).operatorToken.kind === ts.SyntaxKind.PlusToken) visitUrlExpression(node);
      },
      [ts.SyntaxKind.NewExpression](node) {
        // new ChipChat({ host: 'http://…' })
        const n = node as ts.NewExpression;
        if (!isSdkConstructor(context, n)) return;
        const opts = context.model.values.objectLiteral(n.arguments?.[0]);
        if (opts) check(objectProperty(opts, 'host'), "the SDK's host option");
      },
      [ts.SyntaxKind.PropertyAssignment](node) {
        const p = node as ts.PropertyAssignment;
        const what = trafficName(p, propertyName(p.name));
        if (what) check(p.initializer, what);
      },
      [ts.SyntaxKind.VariableDeclaration](node) {
        const d = node as ts.VariableDeclaration;
        if (!ts.isIdentifier(d.name) || !d.initializer) return;
        const what = trafficName(undefined, d.name.text);
        // a link the app only writes into messages is for the people who read them, not the app's own traffic
        if (what && !onlySentInMessages(context, d.name, sentCalls())) check(d.initializer, what);
      },
      onEnd() {
        for (const c of context.model.http.calls) {
          if (c.client === 'node-http') {
            nodeHttpCall(context, c.call, checkUrl);
            continue;
          }
          const url = c.url?.text;
          // relative paths take the client's base URL, which is checked where it is declared
          if (url === undefined || !/^[a-z][a-z0-9+.-]{0,30}:/i.test(url)) continue;
          checkUrl(effectiveUrl(c) ?? url, c.urlNode, 'an API call', c.call);
        }
      },
    };
  },
});

/**
 * Every read of the variable is inside a message sent into a conversation (`conversation.say(\`Betaal via ${PAYMENT_URL}\`)`):
 * the URL is a link for the consumer, which unsafe-payment (D.6) judges; B.2 is about the app's own traffic.
 */
function onlySentInMessages(context: CodeRuleContext, name: ts.Identifier, sends: ReadonlySet<ts.CallExpression>): boolean {
  if (!sends.size) return false;
  let reads = 0;
  let elsewhere = false;
  const visit = (n: ts.Node): void => {
    if (elsewhere) return;
    if (ts.isIdentifier(n) && n !== name && n.text === name.text && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
      reads++;
      let inSend = false;
      for (let cur: ts.Node | undefined = n.parent; cur && !inSend; cur = cur.parent) if (ts.isCallExpression(cur) && sends.has(cur)) inSend = true;
      if (!inSend) elsewhere = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(context.sourceFile);
  return reads > 0 && !elsewhere;
}

/** `http.request({ hostname })` / `http.get('http://…')` on node's http module (the model assumes https). */
function nodeHttpCall(context: CodeRuleContext, call: ts.CallExpression, checkUrl: (text: string, expr: ts.Expression | undefined, what: string, at?: ts.Node) => void): void {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return;
  const first = call.arguments[0];
  const opts = context.model.values.objectLiteral(first);
  if (!opts) {
    const s = first ? context.model.values.string(first) : undefined;
    if (s) checkUrl(s.text, first, 'an API call', call);
    return;
  }
  const protocol = context.model.values.propertyString(opts, 'protocol')?.text;
  const viaHttp = NODE_HTTP_MODULES.has(context.model.requireBindings.get(callee.expression.text) ?? '') || context.model.imports.some((i) => NODE_HTTP_MODULES.has(i.spec) && i.names.includes(callee.expression.getText(context.sourceFile)));
  if (protocol !== 'http:' && !(viaHttp && protocol === undefined)) return;
  const host = context.model.values.propertyString(opts, 'hostname') ?? context.model.values.propertyString(opts, 'host');
  if (host?.exact) checkUrl(`http://${host.text}/`, undefined, 'an API call', call);
}

/** A name that says the URL carries API, webhook, payment or auth traffic (`baseURL`, `webhookUrl`, `{ webhook: { url } }`). */
function trafficName(p: ts.PropertyAssignment | undefined, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const words = nameWords(name);
  const last = words[words.length - 1];
  const qualifiers = words.slice(0, -1);
  if (words.length === 1 && (last === 'url' || last === 'uri')) {
    const owner = p ? parentPropertyName(p) : undefined;
    return owner && TRAFFIC_WORDS.has(owner.toLowerCase()) ? `"${owner}.${name}"` : undefined;
  }
  if (last && URL_WORDS.has(last) && qualifiers.some((w) => TRAFFIC_WORDS.has(w))) return `"${name}"`;
  if (words.length === 1 && (last === 'webhook' || last === 'callback')) return `"${name}"`;
  return undefined;
}

function parentPropertyName(p: ts.PropertyAssignment): string | undefined {
  const obj = p.parent;
  const owner = obj.parent;
  return ts.isPropertyAssignment(owner) && owner.initializer === obj ? propertyName(owner.name) : undefined;
}

function isSdkConstructor(context: CodeRuleContext, n: ts.NewExpression): boolean {
  const e = unwrap(n.expression);
  if (ts.isIdentifier(e)) return context.model.sdk.constructors.has(e.text);
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) return context.model.sdk.constructors.has(e.expression.text);
  return false;
}

/** Reachable from outside the machine: not loopback, not reserved for examples, not a private network. */
function isPublicHost(host: string): boolean {
  if (isLoopbackHost(host) || isPlaceholderHost(host)) return false;
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (!h.includes('.') && !h.includes(':')) return false; // docker-compose / k8s service names
  if (/\.(?:local|internal|lan|home\.arpa|svc|intranet|corp)$/.test(h)) return false;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(h);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    return !(a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a === 0);
  }
  return !/^(?:fc|fd|fe80)/.test(h);
}

/** The string literal or template whose text starts with `http://`, found through constants and `+`. */
function httpLiteral(context: CodeRuleContext, expr: ts.Expression, depth = 0): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression | undefined {
  if (depth > 8) return undefined;
  const e = unwrap(expr);
  if ((ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && /^http:\/\//i.test(e.text)) return e;
  if (ts.isTemplateExpression(e)) return /^http:\/\//i.test(e.head.text) ? e : e.head.text === '' ? httpLiteral(context, e.templateSpans[0]!.expression, depth + 1) : undefined;
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) return httpLiteral(context, e.left, depth + 1);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return httpLiteral(context, e.right, depth + 1) ?? httpLiteral(context, e.left, depth + 1);
  }
  if (ts.isIdentifier(e)) {
    const init = context.model.values.initializerOf(e.text);
    return init ? httpLiteral(context, init, depth + 1) : undefined;
  }
  if (ts.isPropertyAccessExpression(e)) {
    const obj = context.model.values.objectLiteral(e.expression);
    const v = obj ? objectProperty(obj, e.name.text) : undefined;
    return v ? httpLiteral(context, v, depth + 1) : undefined;
  }
  return undefined;
}

/** A literal query value that is a key: credential-shaped under a credential name, key-shaped under any other. */
function literalKey(name: string, value: string): boolean {
  const kind = credentialKind(name);
  if (kind) return !!credentialShape(value, kind, name);
  return !isPlaceholder(value, name) && (!!credentialShape(value) || isKeyShaped(value));
}

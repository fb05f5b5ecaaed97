import { ts } from '../../src/ts';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { accessChain, objectProperty, propertyName, unwrap } from '../../src/model/syntax';
import { credentialValue } from '../../src/lexicon/credentials/credential-value';
import { credentialKind, credentialShape, isHighEntropy, isKeyShaped, isPasswordShaped, isPlaceholder, jwtIn, mask, nameWords, providerMatch } from '../../src/lexicon/credentials/secret-shape';
import { isHole, queryStart, urlSpans, userinfoOf } from '../../src/lexicon/credentials/url-parts';
import { flattenUrl, holesIn, isPartOfLargerString, queryPairs, type FlatUrl } from '../../src/lexicon/credentials/url-flatten';

/** A hole of a URL is a value: an object there is not followed into. */
const IN_URL = { objects: false };

/** Query parameters that carry ids, versions, hashes and paging state: random-looking, yet no credential. */
const NOT_KEY_PARAM_WORDS = new Set(['id', 'ids', 'uuid', 'guid', 'hash', 'sha', 'sha1', 'sha256', 'md5', 'commit', 'rev', 'revision', 'v', 'ver', 'version', 'etag', 'cursor', 'page', 'next', 'offset', 'state', 'nonce', 'ts', 'timestamp', 'q', 'query', 'search', 'lang', 'locale', 'ref', 'cb', 'callback', 'redirect', 'return', 'format', 'checksum', 'integrity', 'build']);
const TRAVELLING_SCHEMES = /^(?:https?|wss?|ftps?):/i;
/** Objects that become a request's query string: `qs`, `params`, `searchParams`, `this.qs`, `query`. */
const QUERY_HOLDERS = new Set(['qs', 'query', 'querystring', 'queryparams', 'queryparameters', 'params', 'searchparams']);
/** `hapikey`, `apikey`, `appkey`: one word ending in `key` names a provider's key (bare `key` is Maps-style, left alone). */
const KEY_PARAM = /^[a-z]+key$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;


export default createCodeRule({
  meta: {
    id: 'credential-in-url',
    target: 'code',
    description: 'Tokens, API keys and passwords put into URLs (query parameters or user:password@), where logs, browser history and Referer headers keep them.',
    clauses: ['B.2'],
    severity: 'error',
    securitySeverity: 7.5,
    fixable: false,
    messages: {
      literal: 'Credential in a URL ({{param}}={{masked}}): URLs end up in server logs, browser history and Referer headers, and with the link in whoever receives it',
      source: '{{source}} is put into a URL ({{param}}=…): URLs end up in server logs, browser history and Referer headers; send it in an Authorization header instead',
      userinfo: 'Password in the user:password@ part of a URL ({{masked}}): anyone who reads the code or a log line with this URL can use it',
      userinfoSource: '{{source}} is put into the user:password@ part of a URL: anyone who reads a log line, an error message or a Referer with this URL can use it; pass the password as an option of the client (auth, password) instead',
    },
  },
  create(context) {
    const requestOptions: ts.ObjectLiteralExpression[] = [];
    // a URL carries a credential only after = or @: in a file whose strings cannot hold either, none is flattened
    const mayHoldCredentialPart = context.model.mayContainAny('=@');
    const visitUrlExpression = (node: ts.Node) => {
      if (!mayHoldCredentialPart || isPartOfLargerString(node)) return;
      // most literals are plain words: without = or @ no URL in them can carry a credential (what flatten would find too)
      if (ts.isStringLiteralLike(node) && !node.text.includes('=') && !node.text.includes('@')) return;
      const flat = flattenUrl(context.model.values, node as ts.Expression);
      if (!flat || !flat.text.includes('=') && !flat.text.includes('@')) return;
      for (const { url } of urlSpans(flat.text)) {
        const problem = userinfoProblem(context, url, flat) ?? queryProblem(context, url, flat);
        if (problem) {
          context.report({ messageId: problem.messageId, data: problem.data, start: node.getStart(context.sourceFile), end: node.getEnd(), severity: context.isTestFile ? 'info' : undefined });
          return;
        }
      }
    };
    return {
      [ts.SyntaxKind.StringLiteral]: visitUrlExpression,
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: visitUrlExpression,
      [ts.SyntaxKind.TemplateExpression]: visitUrlExpression,
      [ts.SyntaxKind.BinaryExpression]: (node) => {
        const b = node as ts.BinaryExpression;
        if (b.operatorToken.kind === ts.SyntaxKind.PlusToken) visitUrlExpression(node);
        else if (b.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
          // qs.access_token = this.token / this.qs.hapikey = options.apiKey / qs['access_token'] = …
          const name = queryHolderParam(b.left);
          const problem = name ? paramProblem(context, name, b.right) : undefined;
          if (problem) context.report({ messageId: problem.messageId, data: problem.data, start: b.getStart(context.sourceFile), end: b.getEnd(), severity: context.isTestFile ? 'info' : undefined });
        }
      },
      [ts.SyntaxKind.CallExpression](node) {
        // url.searchParams.set('token', …) / .append(…)
        const call = node as ts.CallExpression;
        const callee = unwrap(call.expression);
        if (!ts.isPropertyAccessExpression(callee) || !['set', 'append'].includes(callee.name.text)) return;
        const target = unwrap(callee.expression);
        if (!ts.isPropertyAccessExpression(target) || target.name.text !== 'searchParams') return;
        const [name, value] = call.arguments;
        if (!name || !value || !ts.isStringLiteralLike(name)) return;
        const problem = paramProblem(context, name.text, value);
        if (problem) context.report({ messageId: problem.messageId, data: problem.data, start: call.getStart(context.sourceFile), end: call.getEnd(), severity: context.isTestFile ? 'info' : undefined });
      },
      [ts.SyntaxKind.ObjectLiteralExpression](node) {
        const opts = node as ts.ObjectLiteralExpression;
        if (objectProperty(opts, 'url') || objectProperty(opts, 'uri')) requestOptions.push(opts);
      },
      onEnd() {
        // axios `params: {…}` / got `searchParams: {…}` become the query string of the request
        const queries = new Set<ts.ObjectLiteralExpression>();
        for (const c of context.model.http.calls) {
          const opts = context.model.values.objectLiteral(c.options);
          const params = opts ? context.model.values.objectLiteral(objectProperty(opts, 'params') ?? objectProperty(opts, 'searchParams')) : undefined;
          if (params) queries.add(params);
        }
        // request-style options of any client, also passed through the app's own wrappers: `{ uri, qs: { access_token } }`
        for (const opts of requestOptions) {
          for (const params of queryObjects(context, objectProperty(opts, 'qs') ?? objectProperty(opts, 'params') ?? objectProperty(opts, 'searchParams'))) queries.add(params);
        }
        for (const params of queries) {
          for (const p of params.properties) {
            const name = ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) ? propertyName(p.name) : undefined;
            const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
            if (!name || !value) continue;
            const problem = paramProblem(context, name, value);
            if (problem) context.report({ messageId: problem.messageId, data: problem.data, start: p.getStart(context.sourceFile), end: p.getEnd(), severity: context.isTestFile ? 'info' : undefined });
          }
        }
      },
    };
  },
});

type Problem = { messageId: string; data: Record<string, string> };

/**
 * `scheme://user:password@host` with a literal password (secretlint basicauth's test: 4+ chars, not a placeholder),
 * or `https://user:${password}@host` with a credential filled in at run time.
 */
function userinfoProblem(context: CodeRuleContext, url: string, flat: FlatUrl): Problem | undefined {
  const info = userinfoOf(url);
  if (!info) return undefined;
  const password = info.slice(info.indexOf(':') + 1);
  if ([...password].some(isHole)) {
    // a database driver takes its connection string's password by design; a web URL travels and is logged
    if (!TRAVELLING_SCHEMES.test(url)) return undefined;
    for (const h of holesIn(flat, password)) {
      const source = credentialValue(context.model, h, IN_URL);
      if (source) return { messageId: 'userinfoSource', data: { source } };
    }
    return undefined;
  }
  if (password.length < 4 || isPlaceholder(safeDecode(password))) return undefined;
  return { messageId: 'userinfo', data: { masked: mask(password) } };
}

function queryProblem(context: CodeRuleContext, url: string, flat: FlatUrl): Problem | undefined {
  for (const { name, value } of queryPairs(url, queryStart(url))) {
    const holes = holesIn(flat, value);
    const problem = holes.length ? holeProblem(context, name, holes) : literalProblem(name, safeDecode(value));
    if (problem) return problem;
  }
  return undefined;
}

function paramProblem(context: CodeRuleContext, name: string, value: ts.Expression): Problem | undefined {
  const s = context.model.values.string(value);
  return s?.exact ? literalProblem(name, s.text) : holeProblem(context, name, [value]);
}

/**
 * Interpolated values under a credential-named parameter (`access_token=${pageAccessToken}`): secret env vars, the
 * SDK's auth state, values named like credentials. Not bare `key=` (Maps-style keys) nor keys under other names
 * (`APPID=`), which providers take only there.
 */
function holeProblem(context: CodeRuleContext, name: string, holes: ts.Expression[]): Problem | undefined {
  const kind = credentialKind(name) ?? (KEY_PARAM.test(name) && name.toLowerCase() !== 'key' ? 'key' : undefined);
  if (!kind) return undefined;
  for (const h of holes) {
    const source = credentialValue(context.model, h, IN_URL);
    if (source) return { messageId: 'source', data: { source, param: name } };
  }
  return undefined;
}

/**
 * Literal values: provider keys and JWTs under any name; credential-named params with a credential-shaped value;
 * random-looking keys under any other name that is not an id, hash, version or paging parameter.
 */
function literalProblem(name: string, value: string): Problem | undefined {
  if (!value || isPlaceholder(value, name)) return undefined;
  const found = providerMatch(value)?.value ?? jwtIn(value);
  if (found) return { messageId: 'literal', data: { param: name, masked: mask(found) } };
  const kind = name.toLowerCase() === 'key' ? 'key' : credentialKind(name);
  if (!kind) return isUnnamedKey(name, value) ? { messageId: 'literal', data: { param: name, masked: mask(value) } } : undefined;
  const shaped = kind === 'password' ? isPasswordShaped(value) : kind === 'key' ? isHighEntropy(value) : !!credentialShape(value, kind, name);
  return shaped ? { messageId: 'literal', data: { param: name, masked: mask(value) } } : undefined;
}

/**
 * The object literals a query option can hold: written there, held by a constant, or returned by a helper of the
 * file (`qs: this._getQs()` with `_getQs() { return { access_token: this.token } }`), as the tracking layer sees it.
 */
function queryObjects(context: CodeRuleContext, expr: ts.Expression | undefined): ts.ObjectLiteralExpression[] {
  if (!expr) return [];
  const direct = context.model.values.objectLiteral(expr);
  if (direct) return [direct];
  return context.model.tracker.valuesOf(expr).flatMap((v) => (v.kind === 'object' ? [v.node] : []));
}

/** The parameter a member assignment sets on a query-string object (`qs.access_token`, `this.qs['hapikey']`). */
function queryHolderParam(left: ts.Expression): string | undefined {
  const l = unwrap(left);
  let holder: ts.Expression;
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(l)) {
    holder = l.expression;
    name = l.name.text;
  } else if (ts.isElementAccessExpression(l) && ts.isStringLiteralLike(l.argumentExpression)) {
    holder = l.expression;
    name = l.argumentExpression.text;
  } else return undefined;
  const chain = accessChain(unwrap(holder));
  const last = chain?.[chain.length - 1];
  return last && QUERY_HOLDERS.has(last.toLowerCase()) ? name : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A key under a parameter name that does not say so (`k=`, `APPID=`, `sig_v=`): random-looking and not an id. */
function isUnnamedKey(name: string, value: string): boolean {
  if (UUID.test(value) || !isKeyShaped(value)) return false;
  return !nameWords(name).some((w) => NOT_KEY_PARAM_WORDS.has(w));
}

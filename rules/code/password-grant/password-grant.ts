import { ts } from '../../src/ts';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { effectiveUrl } from '../../src/model/http';
import { hostOf, isPlatformHost } from '../../src/model/hosts';
import { calleeName, objectProperty, propertyName, unwrap } from '../../src/model/syntax';
import { HOLE } from '../../src/model/values';

/** Wrappers that serialise a body object unchanged. */
const SERIALISERS = new Set(['stringify', 'URLSearchParams', 'encode']);

export default createCodeRule({
  meta: {
    id: 'password-grant',
    target: 'code',
    description: 'App code that logs in to Web1on1 with a user\'s password (POST /v2/auth/token with a password) instead of using the bot user\'s API token.',
    clauses: ['B.2', 'B.6'],
    severity: 'error',
    securitySeverity: 7,
    fixable: false,
    messages: {
      passwordGrant: 'Logs in to Web1on1 with a user\'s password ({{how}}): the app then holds a person\'s password and every right that person has; use the bot user\'s API token (new ChipChat({ token: process.env.TOKEN }))',
    },
  },
  create(context) {
    return {
      [ts.SyntaxKind.CallExpression](node) {
        // the SDK's own request helpers: bot._request('POST', 'auth/token', body), bot.fetch({ … })
        const call = node as ts.CallExpression;
        const name = calleeName(call);
        if (name === '_request') {
          const [method, path, body] = call.arguments;
          const m = method ? context.model.values.string(method)?.text : undefined;
          const p = path ? context.model.values.string(path)?.text : undefined;
          if (m?.toUpperCase() === 'POST' && p !== undefined && isTokenPath(p, true) && hasPassword(context, body)) report(context, call, 'bot._request POST auth/token');
        } else if (name === 'fetch' && ts.isPropertyAccessExpression(unwrap(call.expression)) && context.model.sdk.isInstance((unwrap(call.expression) as ts.PropertyAccessExpression).expression)) {
          const opts = context.model.values.objectLiteral(call.arguments[0]);
          if (!opts) return;
          const method = context.model.values.propertyString(opts, 'method')?.text.toUpperCase();
          const url = context.model.values.propertyString(opts, 'url')?.text;
          if (method === 'POST' && url !== undefined && isTokenPath(url, true) && hasPassword(context, objectProperty(opts, 'json') ?? objectProperty(opts, 'body'))) report(context, call, 'bot.fetch POST /v2/auth/token');
        }
      },
      onEnd() {
        for (const c of context.model.http.calls) {
          if (c.method !== 'POST') continue;
          const url = effectiveUrl(c);
          if (url === undefined) continue;
          const host = hostOf(url.split(HOLE, 1)[0]!);
          // a relative path or unknown base must name the v2 endpoint; on a Web1on1 host any …/auth/token does
          const onPlatform = host !== undefined && isPlatformHost(host);
          if (host !== undefined && !onPlatform) continue;
          if (!isTokenPath(url, !onPlatform)) continue;
          if (hasPassword(context, c.body)) report(context, c.call, `${c.client} POST /v2/auth/token`);
        }
      },
    };
  },
});

function report(context: CodeRuleContext, call: ts.CallExpression, how: string): void {
  context.report({ messageId: 'passwordGrant', data: { how }, start: call.getStart(context.sourceFile), end: call.getEnd() });
}

/** `…/v2/auth/token` (query and trailing slash ignored); `strict` demands the `v2/` segment. */
function isTokenPath(url: string, strict: boolean): boolean {
  let path = url.split(/[?#]/, 1)[0]!;
  while (path.endsWith('/')) path = path.slice(0, -1);
  if (strict) return path === 'v2/auth/token' || path.endsWith('/v2/auth/token') || path === 'auth/token' || path === '/auth/token';
  return path.endsWith('/auth/token');
}

/** The body sends a password: a `password` field, `grant_type: 'password'`, or the same in a serialised string. */
function hasPassword(context: CodeRuleContext, body: ts.Expression | undefined, depth = 0): boolean {
  if (!body || depth > 4) return false;
  const e = unwrap(body);
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    const name = calleeName(e);
    const arg = e.arguments?.[0];
    return !!name && SERIALISERS.has(name) && hasPassword(context, arg, depth + 1);
  }
  const obj = context.model.values.objectLiteral(e);
  if (obj) {
    for (const p of obj.properties) {
      const key = ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) ? propertyName(p.name) : undefined;
      if (key === 'password') return true;
      if ((key === 'grant_type' || key === 'grantType') && ts.isPropertyAssignment(p) && context.model.values.string(p.initializer)?.text === 'password') return true;
    }
    return false;
  }
  const s = context.model.values.string(e)?.text;
  return !!s && (/(?:^|&)password=/.test(s) || /grant_type=password(?:&|$)/.test(s) || s.includes('"password"'));
}

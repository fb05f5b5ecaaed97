// The error of a request whose URL carries a credential: node-fetch, request and got put the request's URL in
// the error message ("request to https://…?access_token=… failed"), so logging the error logs the credential.
import { ts } from '../../ts';
import type { FileModel } from '../../model/file-model';
import { calleeName, isFunctionLike, unwrap } from '../../model/syntax';
import { credentialValue } from './credential-value';
import { credentialKind } from './secret-shape';
import { flattenUrl, holesIn, queryPairs } from './url-flatten';
import { queryStart, urlSpans } from './url-parts';

const IN_URL = { objects: false };
const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * `err` of `.catch(err => …)` (or of `.then(ok, err => …)`) on a request whose URL puts a credential in its query
 * string, also inside a template (`${err}`): what the URL carries, in words; undefined otherwise.
 */
export function requestErrorCredential(model: FileModel, node: ts.Expression, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const e = unwrap(node);
  if (ts.isTemplateExpression(e)) {
    for (const span of e.templateSpans) {
      const found = requestErrorCredential(model, span.expression, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return requestErrorCredential(model, e.left, depth + 1) ?? requestErrorCredential(model, e.right, depth + 1);
  // err.message / err.toString() say the same as err
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'message') return requestErrorCredential(model, e.expression, depth + 1);
  if (!ts.isIdentifier(e)) return undefined;
  const request = rejectedRequest(model.sourceFile, e);
  if (!request) return undefined;
  const url = request.arguments[0];
  if (!url) return undefined;
  const u = unwrap(url);
  // const url = `…?access_token=${token}`; fetch(url)
  const held = ts.isIdentifier(u) ? (declaredInBlock(u) ?? model.values.initializerOf(u.text)) : undefined;
  return urlCredential(model, held ?? url);
}

/** The initializer of the nearest `const name = …` in a block around `id` (names like `url` recur in every method). */
function declaredInBlock(id: ts.Identifier): ts.Expression | undefined {
  for (let cur: ts.Node | undefined = id.parent; cur; cur = cur.parent) {
    if (!ts.isBlock(cur)) continue;
    for (const stmt of cur.statements) {
      if (!ts.isVariableStatement(stmt) || !(stmt.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === id.text && d.initializer) return d.initializer;
    }
  }
  return undefined;
}

/** The request whose rejection `id` (a parameter of a rejection handler) receives. */
function rejectedRequest(sf: ts.SourceFile, id: ts.Identifier): ts.CallExpression | undefined {
  // find the handler that declares `id`
  let fn: ts.Node | undefined = id.parent;
  while (fn && !(isFunctionLike(fn) && fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === id.text))) fn = fn.parent;
  if (!fn || !isFunctionLike(fn)) return undefined;
  const handler = fn;
  const chainCall = handler.parent;
  if (!ts.isCallExpression(chainCall) || handler.parameters[0]?.name.getText(sf) !== id.text) return undefined;
  const method = calleeName(chainCall);
  const isRejection = (method === 'catch' && chainCall.arguments[0] === handler) || (method === 'then' && chainCall.arguments[1] === handler);
  if (!isRejection) return undefined;
  // walk down the chain: fetch(url).then(…).then(…).catch(…) → fetch(url)
  let cur: ts.Expression = unwrap(chainCall.expression);
  for (let i = 0; i < 32 && ts.isPropertyAccessExpression(cur); i++) {
    const receiver = unwrap(cur.expression);
    if (!ts.isCallExpression(receiver)) return undefined;
    if (!CHAIN_METHODS.has(calleeName(receiver) ?? '')) return receiver;
    cur = unwrap(receiver.expression);
  }
  return undefined;
}

/** `access_token=${this.accessToken}` in the query string of a URL: `access_token (this.accessToken)`. */
export function urlCredential(model: FileModel, url: ts.Expression): string | undefined {
  const flat = flattenUrl(model.values, url);
  if (!flat || !flat.text.includes('=')) return undefined;
  for (const span of urlSpans(flat.text)) {
    for (const { name, value } of queryPairs(span.url, queryStart(span.url))) {
      if (!credentialKind(name)) continue;
      for (const hole of holesIn(flat, value)) {
        const source = credentialValue(model, hole, IN_URL);
        if (source) return `${name}=${source}`;
      }
    }
  }
  return undefined;
}

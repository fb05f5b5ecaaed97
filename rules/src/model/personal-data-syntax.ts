import { ts } from '../ts';
import { boundNames, isFunctionLike, unwrap } from './syntax';

/** Syntax questions the personal-data model asks: scopes, parameters, promise chains, query builders. */

export function isParameterInScope(id: ts.Identifier): boolean {
  for (let cur: ts.Node | undefined = id.parent; cur; cur = cur.parent) {
    if (isFunctionLike(cur) && cur.parameters.some((p) => boundNames(p.name).includes(id.text))) return true;
  }
  return false;
}

/** For a call returned by an arrow passed to `.then(…)`, the callback of the `.then(…)` chained after it. */
export function nextThenCallback(call: ts.CallExpression): ts.Expression | undefined {
  let cur: ts.Node = call;
  // up through `a ? call : null`, parentheses and `await` to the arrow's expression body
  while (ts.isConditionalExpression(cur.parent) || ts.isParenthesizedExpression(cur.parent) || ts.isAwaitExpression(cur.parent)) cur = cur.parent;
  let fn: ts.Node | undefined = cur.parent;
  if (fn && ts.isReturnStatement(fn)) {
    while (fn && !ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn) && !ts.isFunctionDeclaration(fn)) fn = fn.parent;
  } else if (!fn || !ts.isArrowFunction(fn) || fn.body !== cur) return undefined;
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  const then = fn.parent;
  if (!ts.isCallExpression(then) || then.arguments[0] !== fn || !ts.isPropertyAccessExpression(then.expression) || then.expression.name.text !== 'then') return undefined;
  const access = then.parent;
  if (!ts.isPropertyAccessExpression(access) || access.name.text !== 'then' || !ts.isCallExpression(access.parent)) return undefined;
  return access.parent.arguments[0];
}

/** `new URLSearchParams(…)`, `qs.stringify(…)`, `querystring.stringify(…)`: a query string being built. */
export function isQueryBuilder(init: ts.Expression, sf: ts.SourceFile): boolean {
  const e = unwrap(init);
  if (ts.isNewExpression(e)) return e.expression.getText(sf) === 'URLSearchParams';
  return ts.isCallExpression(e) && /^(qs|querystring)\.stringify$/.test(e.expression.getText(sf));
}

/** The block, function or file a declaration's name belongs to (`for (const x of …)` belongs to its loop). */
export function scopeOf(d: ts.VariableDeclaration): ts.Node {
  let cur: ts.Node = d.parent;
  while (cur.parent && !ts.isBlock(cur) && !ts.isSourceFile(cur) && !ts.isModuleBlock(cur) && !isFunctionLike(cur) && !ts.isForOfStatement(cur) && !ts.isForStatement(cur) && !ts.isForInStatement(cur) && !ts.isCaseClause(cur)) cur = cur.parent;
  return cur;
}

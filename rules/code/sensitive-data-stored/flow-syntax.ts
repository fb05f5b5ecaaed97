import { ts } from '../../src/ts';
import { calleeName, isFunctionLike, unwrap } from '../../src/model/syntax';

/** Syntax questions the message-text flow asks of single nodes. */

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.InstanceOfKeyword, ts.SyntaxKind.InKeyword,
]);
const BOOLEAN_METHODS = new Set(['test', 'includes', 'startsWith', 'endsWith', 'some', 'every', 'has', 'validate', 'isValid']);

/** The value itself, or a copy or part of it, rather than a fact about it (`text === 'x'`, `text.length`, `re.test(text)`). */
export function carriesValue(expr: ts.Node): boolean {
  const e = ts.isExpression(expr) ? unwrap(expr) : expr;
  if (ts.isBinaryExpression(e) && COMPARISONS.has(e.operatorToken.kind)) return false;
  if (ts.isPrefixUnaryExpression(e) || ts.isTypeOfExpression(e)) return false;
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'length') return false;
  if (ts.isCallExpression(e) && BOOLEAN_METHODS.has(calleeName(e) ?? '')) return false;
  if (ts.isConditionalExpression(e)) return carriesValue(e.whenTrue) || carriesValue(e.whenFalse);
  return true;
}

/** The function (or the file) a node's variables belong to; a function's parameters are its own. */
export function scopeOf(node: ts.Node): ts.Node {
  let cur = node.parent;
  while (cur && !isFunctionLike(cur) && !ts.isSourceFile(cur)) cur = cur.parent;
  return cur ?? node;
}

/** `n` is the object of an access chain link (`n.x`, `n['x']`, `n!`, `(n)`), whose root is the same name. */
export function isChainLink(n: ts.Node): boolean {
  const p = n.parent;
  if (!p) return false;
  switch (p.kind) {
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.ParenthesizedExpression:
      return (p as ts.PropertyAccessExpression).expression === n;
    default:
      return false;
  }
}

export function isMemberName(n: ts.Identifier): boolean {
  const p = n.parent;
  return (ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n);
}

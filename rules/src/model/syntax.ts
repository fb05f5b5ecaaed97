import { ts } from '../ts';

/** Small syntax helpers shared by the models and rules; all purely syntactic. */

export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/**
 * `a.b.c` → ['a','b','c']; `this.x` → ['this','x']; anything else in the chain → undefined. With
 * `elementsAsArray`, `a.b[0].c` → ['a','b','c']: an element of a list reads as the list (a contact of `contacts`).
 */
export function accessChain(node: ts.Node, elementsAsArray = false): string[] | undefined {
  // one of the hottest helpers (every personal-data and sink check): collected leaf-first and reversed
  // once, and most nodes are no chain at all, so those return before anything is allocated
  let cur: ts.Node = node;
  let parts: string[] | undefined;
  for (let i = 0; i < 64; i++) {
    switch (cur.kind) {
      case ts.SyntaxKind.PropertyAccessExpression:
        (parts ??= []).push((cur as ts.PropertyAccessExpression).name.text);
        cur = (cur as ts.PropertyAccessExpression).expression;
        break;
      case ts.SyntaxKind.ElementAccessExpression: {
        const arg = (cur as ts.ElementAccessExpression).argumentExpression;
        if (ts.isStringLiteralLike(arg)) (parts ??= []).push(arg.text);
        else if (!elementsAsArray || !ts.isNumericLiteral(arg)) return undefined;
        cur = (cur as ts.ElementAccessExpression).expression;
        break;
      }
      case ts.SyntaxKind.NonNullExpression:
      case ts.SyntaxKind.ParenthesizedExpression:
        cur = (cur as ts.NonNullExpression | ts.ParenthesizedExpression).expression;
        break;
      case ts.SyntaxKind.Identifier:
        (parts ??= []).push((cur as ts.Identifier).text);
        return parts.reverse();
      case ts.SyntaxKind.ThisKeyword:
        (parts ??= []).push('this');
        return parts.reverse();
      default:
        return undefined;
    }
  }
  return undefined;
}

export function propertyName(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

/** The property of an object literal by name (the last one wins, as in JS). */
export function objectProperty(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && propertyName(p.name) === name) found = p.initializer;
    else if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) found = p.name;
  }
  return found;
}

/** Wrapper kinds, indexed by kind: a typed-array read is cheaper than a Set lookup in the hottest helper. */
const WRAPPERS = new Uint8Array(ts.SyntaxKind.Count);
for (const k of [
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.TypeAssertionExpression,
  ts.SyntaxKind.AwaitExpression,
]) WRAPPERS[k] = 1;

/** The expression inside parentheses, type assertions, `!` and `await`. */
export function unwrap(node: ts.Expression): ts.Expression {
  let cur = node;
  while (WRAPPERS[cur.kind] === 1) cur = (cur as ts.ParenthesizedExpression).expression;
  return cur;
}

export function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node);
}

export function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  let cur = node.parent;
  while (cur) {
    if (isFunctionLike(cur)) return cur;
    cur = cur.parent;
  }
  return undefined;
}

export function isInsideLoop(node: ts.Node, stopAt?: ts.Node): ts.Node | undefined {
  let cur = node.parent;
  while (cur && cur !== stopAt) {
    if (ts.isForStatement(cur) || ts.isForOfStatement(cur) || ts.isForInStatement(cur) || ts.isWhileStatement(cur) || ts.isDoStatement(cur)) return cur;
    if (isFunctionLike(cur)) {
      // a callback of forEach/map/… is a loop body too
      const call = cur.parent;
      if (call && ts.isCallExpression(call) && call.arguments.includes(cur as ts.Expression)) {
        const name = calleeName(call);
        if (name && ITERATING_METHODS.has(name)) return call;
      }
      return undefined;
    }
    cur = cur.parent;
  }
  return undefined;
}

export const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'some', 'every', 'mapSeries', 'each', 'eachSeries', 'mapLimit', 'eachLimit']);

/** Identifier names bound by a binding name (destructuring included). */
export function boundNames(name: ts.BindingName, out: string[] = []): string[] {
  if (ts.isIdentifier(name)) out.push(name.text);
  else
    for (const el of name.elements) {
      if (ts.isBindingElement(el)) boundNames(el.name, out);
    }
  return out;
}

export function isStringy(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

// A signature check that returns a promise, called as a statement: nothing awaits or returns it, so the request
// goes on (next() runs, the handler answers) before the check ends, and a failed check is only an unhandled
// rejection.
import { ts } from '../ts';
import type { FileModel } from '../model/file-model';
import { calleeName, enclosingFunction, isFunctionLike, unwrap } from '../model/syntax';
import type { SignatureChecks } from './signature-checks';

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/** The verifying call whose promise `stmt` drops, if it does. */
export function unawaitedVerifyCall(model: FileModel, checks: SignatureChecks, stmt: ts.ExpressionStatement): ts.CallExpression | undefined {
  // `await verify(…)` is awaited; unwrap() would see through it
  if (ts.isAwaitExpression(stmt.expression) || ts.isVoidExpression(stmt.expression)) return undefined;
  const e = unwrap(stmt.expression);
  if (!ts.isCallExpression(e) || !ts.isIdentifier(unwrap(e.expression)) || !enclosingFunction(stmt)) return undefined;
  const fn = model.functionsByName.get((unwrap(e.expression) as ts.Identifier).text);
  if (!fn || fn === enclosingFunction(stmt) || !returnsPromise(fn)) return undefined;
  return checks.verifiesIn(fn) ? e : undefined;
}

const promiseVerdicts = new WeakMap<ts.FunctionLikeDeclaration, boolean>();

/** `async function`, or a function that returns a promise chain or a `new Promise` (asked once per function: every call statement asks). */
function returnsPromise(fn: ts.FunctionLikeDeclaration): boolean {
  let verdict = promiseVerdicts.get(fn);
  if (verdict === undefined) promiseVerdicts.set(fn, (verdict = computeReturnsPromise(fn)));
  return verdict;
}

function computeReturnsPromise(fn: ts.FunctionLikeDeclaration): boolean {
  if (fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return true;
  if (!fn.body) return false;
  if (!ts.isBlock(fn.body)) return isPromise(fn.body);
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression && isPromise(n.expression)) found = true;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

function isPromise(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isNewExpression(u)) return ts.isIdentifier(u.expression) && u.expression.text === 'Promise';
  return ts.isCallExpression(u) && PROMISE_METHODS.has(calleeName(u) ?? '');
}

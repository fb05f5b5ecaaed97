import { ts } from '../ts';
import type { FileModel } from '../model/file-model';
import { unwrap } from '../model/syntax';

/**
 * How apps build the texts they send out of parts: lines pushed onto an array and joined, bodies serialised
 * for another channel's REST API. Used by readable-text to find the words in those parts.
 */
const pushesByModel = new WeakMap<FileModel, Map<ts.Node, ts.Expression[]>>();

/** The items of an array: a literal (through constants), and every `x.push(…)` / `x.unshift(…)` onto the name. */
export function arrayItems(model: FileModel, expr: ts.Expression): ts.Expression[] {
  const lit = model.values.arrayLiteral(expr);
  const out: ts.Expression[] = lit ? lit.elements.filter((e): e is ts.Expression => !ts.isSpreadElement(e) && !ts.isOmittedExpression(e)) : [];
  const e = unwrap(expr);
  const decl = ts.isIdentifier(e) ? model.tracker.declarationOf(e) : undefined;
  if (decl) for (const arg of pushesOnto(model).get(decl) ?? []) out.push(arg);
  return out;
}

/** `lines.push('…', '…')` of the file, by the declaration of the array pushed onto (once per file). */
function pushesOnto(model: FileModel): Map<ts.Node, ts.Expression[]> {
  let out = pushesByModel.get(model);
  if (out) return out;
  out = new Map();
  for (const c of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const callee = c.expression;
    if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'push' && callee.name.text !== 'unshift')) continue;
    const target = unwrap(callee.expression);
    const decl = ts.isIdentifier(target) ? model.tracker.declarationOf(target) : undefined;
    if (!decl) continue;
    const list = out.get(decl) ?? [];
    for (const a of c.arguments) if (!ts.isSpreadElement(a)) list.push(a);
    out.set(decl, list);
  }
  pushesByModel.set(model, out);
  return out;
}

/** The object a request body is made of: itself, or what `JSON.stringify(…)` serialises (fetch's body). */
export function serialisedObject(model: FileModel, body: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const b = unwrap(body);
  const inner = ts.isCallExpression(b) && b.arguments[0] && ts.isPropertyAccessExpression(b.expression) && b.expression.name.text === 'stringify' && ts.isIdentifier(b.expression.expression) && b.expression.expression.text === 'JSON' ? b.arguments[0] : b;
  return model.values.objectLiteral(inner);
}

/** `https://graph.facebook.com/v19.0/123/messages?x` → `messages` (lower case). */
export function lastPathSegment(url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '';
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

/**
 * The string a call of a local function gives, read with its parameters bound to the call's arguments:
 * `api('sendMessage')` of ``const api = (method) => `https://api.telegram.org/bot${token}/${method}` ``.
 * Undefined when the function is not local or its returns disagree.
 */
export function callString(model: FileModel, expr: ts.Expression | undefined): string | undefined {
  const call = expr && unwrap(expr);
  if (!call || !ts.isCallExpression(call)) return undefined;
  let found: string | undefined;
  for (const fn of model.tracker.calleesOf(call).slice(0, 4)) {
    const bindings = new Map<ts.Node, ts.Expression>();
    fn.parameters.forEach((p, i) => {
      const arg = call.arguments[i];
      if (arg && !ts.isSpreadElement(arg)) bindings.set(p, arg);
    });
    for (const ret of model.tracker.returnExpressions(fn)) {
      const s = model.values.withBindings(bindings, () => model.values.string(ret));
      if (!s || (found !== undefined && found !== s.text)) return undefined;
      found = s.text;
    }
  }
  return found;
}

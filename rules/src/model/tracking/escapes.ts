// Where an SDK instance or a Web1on1 API client leaves what the value tracker can follow, besides being handed
// to a function (SdkModel.noteArguments): a member chosen at run time, a global, a module loaded from a
// computed path. Each becomes a FileFacts.evidenceLost entry through the SDK model's escapes.
import { ts } from '../../ts';
import { API } from '../../data';
import type { FileModel } from '../file-model';
import { loggers, notEscapes } from '../sinks';
import { accessChain, calleeName, unwrap } from '../syntax';
import { holds } from './abstract-value';
import { hostOf, isApiHost } from '../hosts';
import { followListedFolder } from './directory-loader';

/** A call that only reads what it is given (a logger, JSON.stringify, assert …): see sinks.json `notEscapes`. */
export function isHarmlessCall(call: ts.CallExpression | ts.NewExpression): boolean {
  if (ts.isNewExpression(call)) return false;
  const chain = accessChain(call.expression);
  if (chain && notEscapes.isFunction(chain.join('.'))) return true;
  const name = calleeName(call);
  if (!name) return false;
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    if (notEscapes.isMethod(name)) return true;
    const receiver = accessChain(callee.expression);
    const last = receiver?.[receiver.length - 1];
    if (receiver?.[0] === 'console' && loggers.isConsoleMethod(name)) return true;
    if (last && loggers.isReceiverName(last) && loggers.isLoggingMethod(name)) return true;
    return false;
  }
  return loggers.isFunctionName(name);
}

/** Adds the escapes that are no call argument to `model.sdk.escapes`. */
export function noteEscapes(model: FileModel): void {
  const { sdk, tracker } = model;
  if (!sdk.mayHaveInstances()) {
    // no SDK here, but a Web1on1 API client may still be handed on (the text test keeps other files cheap)
    if (mentionsApiHost(model.text) || Object.keys(model.hints.importedHttpClients ?? {}).length) {
      for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) sdk.noteArguments(call);
      for (const n of model.nodes<ts.NewExpression>(ts.SyntaxKind.NewExpression)) sdk.noteArguments(n);
      apiClientMembersChosenAtRunTime(model);
    }
    return;
  }
  if (mentionsApiHost(model.text) || Object.keys(model.hints.importedHttpClients ?? {}).length) apiClientMembersChosenAtRunTime(model);
  const escape = (node: ts.Node, what: string) => {
    if (!sdk.escapes.some((e) => e.node === node)) sdk.escapes.push({ node, what });
  };
  for (const el of model.nodes<ts.ElementAccessExpression>(ts.SyntaxKind.ElementAccessExpression)) {
    if (ts.isStringLiteralLike(el.argumentExpression) || ts.isNumericLiteral(el.argumentExpression)) continue;
    const values = tracker.valuesOf(el.expression);
    if (holds(values, 'sdk') || holds(values, 'sdk-resource')) escape(el, `a member of the SDK instance is chosen at run time (\`${short(el, model.sourceFile)}\`)`);
  }
  for (const b of model.nodes<ts.BinaryExpression>(ts.SyntaxKind.BinaryExpression)) {
    if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !sdk.isInstance(b.right)) continue;
    const chain = accessChain(b.left);
    if (chain && chain.length > 1 && notEscapes.isGlobalObject(chain[0]!) && !model.tracker.declarationOf(rootIdentifier(b.left)!)) {
      escape(b, `the SDK instance is stored in \`${chain.join('.')}\`, where any code can take it`);
    }
  }
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const e = call.expression;
    const isLoader = (ts.isIdentifier(e) && e.text === 'require') || e.kind === ts.SyntaxKind.ImportKeyword;
    const arg = call.arguments[0];
    if (isLoader && arg && !ts.isStringLiteralLike(arg) && !followListedFolder(model, call)) escape(call, `a module is loaded from a computed path (\`${short(call, model.sourceFile)}\`) in a file that has the SDK instance`);
  }
  for (const n of model.nodes<ts.NewExpression>(ts.SyntaxKind.NewExpression)) sdk.noteArguments(n);
}

/** `http[method.toLowerCase()](path)` on a Web1on1 API client: the request it makes cannot be read. */
function apiClientMembersChosenAtRunTime(model: FileModel): void {
  for (const el of model.nodes<ts.ElementAccessExpression>(ts.SyntaxKind.ElementAccessExpression)) {
    if (ts.isStringLiteralLike(el.argumentExpression) || ts.isNumericLiteral(el.argumentExpression)) continue;
    const http = holds(model.tracker.valuesOf(el.expression), 'http');
    if (!http?.made || !http.baseUrl || !isApiHost(hostOf(http.baseUrl) ?? '')) continue;
    if (!model.sdk.escapes.some((e) => e.node === el)) model.sdk.escapes.push({ node: el, what: `a method of the Web1on1 API client is chosen at run time (\`${short(el, model.sourceFile)}\`)` });
  }
}

function mentionsApiHost(text: string): boolean {
  return API.apiHosts.some((h) => text.includes(h)) || API.legacyApiHosts.some((h) => text.includes(h));
}

function rootIdentifier(expr: ts.Expression): ts.Identifier | undefined {
  let cur = unwrap(expr);
  while (ts.isPropertyAccessExpression(cur) || ts.isElementAccessExpression(cur)) cur = unwrap(cur.expression);
  return ts.isIdentifier(cur) ? cur : undefined;
}

function short(node: ts.Node, sf: ts.SourceFile): string {
  const text = node.getText(sf).replace(/\s+/g, ' ');
  return text.length > 60 ? text.slice(0, 57) + '…' : text;
}

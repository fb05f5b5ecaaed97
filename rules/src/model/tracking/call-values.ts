import { ts } from '../../ts';
import { propertyName, unwrap } from '../syntax';
import { HOLE } from '../values';
import { holds, join, type AbstractValue } from './abstract-value';
import { membersOf } from './member-values';
import type { Tracking } from './tracking-context';

const RESOURCE_METHODS = new Set(['list', 'get', 'create', 'update', 'delete', 'replace']);
/** Instance methods that return the instance (chained `bot.on(…).on(…)`). */
const CHAINING_METHODS = new Set(['on', 'once', 'use', 'onText', 'onAny', 'module', 'start', 'mixin']);

/** What a call gives: a required module, an SDK read or context, a made HTTP client, or a local function's returns. */
export function callValues(tracking: Tracking, call: ts.CallExpression, depth: number): AbstractValue[] {
  const callee = unwrap(call.expression);
  const spec = moduleSpecifier(call);
  if (spec !== undefined) {
    const out: AbstractValue[] = [];
    if (tracking.options.isSdkSpecifier(spec)) out.push({ kind: 'sdk-module' });
    const http = tracking.options.httpModule(spec);
    if (http) out.push({ kind: 'http', client: http, made: false });
    return out;
  }
  const out: AbstractValue[] = [];
  let calleeValues: AbstractValue[];
  if (ts.isPropertyAccessExpression(callee)) {
    const m = callee.name.text;
    // the receiver is read once: reading it again for the callee doubles the work at every link of a chain
    const receiver = tracking.valuesOf(callee.expression, depth + 1);
    const target = unwrap(callee.expression);
    calleeValues = membersOf(tracking, receiver, m, ts.isIdentifier(target) ? tracking.declarationOf(target) : undefined, depth);
    for (const v of receiver) {
      if (v.kind === 'sdk-resource' && RESOURCE_METHODS.has(m)) join(out, [{ kind: 'sdk-result', resource: v.resource, method: m }]);
      else if (v.kind === 'sdk' && m === 'conversation') join(out, [{ kind: 'context' }]);
      else if (v.kind === 'sdk' && CHAINING_METHODS.has(m)) join(out, [v]);
      else if (v.kind === 'http' && (m === 'create' || m === 'extend')) join(out, [madeClient(tracking, v, call.arguments[0])]);
      else if (v.kind === 'sdk-result' || v.kind === 'context') {
        if (m === 'then' || m === 'catch' || m === 'finally') join(out, [v]);
      }
    }
  } else {
    calleeValues = tracking.valuesOf(callee, depth + 1);
    // `createClient()` imported from the module that makes the instance
    if (ts.isIdentifier(callee) && tracking.options.importedSdkFactories?.includes(callee.text)) join(out, [{ kind: 'sdk' }]);
  }
  for (const v of calleeValues) if (v.kind === 'function') join(out, tracking.returnValues(v.fn, depth + 1));
  return out;
}

/**
 * `axios.create({ baseURL })` / `got.extend({ prefixUrl })`: a client with its base URL when the options show it.
 * A base URL they name but do not show (`baseURL: process.env.API_URL`) may be the Web1on1 API's: the client is
 * marked, so its requests to API-shaped paths make the scope evidence "cannot tell" rather than nothing.
 */
function madeClient(tracking: Tracking, base: Extract<AbstractValue, { kind: 'http' }>, options: ts.Expression | undefined): AbstractValue {
  const url = tracking.strings.propertyString(options, base.client === 'got' ? 'prefixUrl' : 'baseURL') ?? tracking.strings.propertyString(options, 'baseURL') ?? tracking.strings.propertyString(options, 'prefixUrl');
  const baseUrl = url && url.text !== HOLE ? url.text : base.baseUrl;
  if (baseUrl === undefined && namesBaseUrl(tracking, options)) return { kind: 'http', client: base.client, made: true, baseUnread: true };
  return { kind: 'http', client: base.client, baseUrl, made: true, ...(base.baseUnread && !url ? { baseUnread: true } : {}) };
}

function namesBaseUrl(tracking: Tracking, options: ts.Expression | undefined): boolean {
  const obj = tracking.strings.objectLiteral(options);
  return !!obj && obj.properties.some((p) => !!p.name && ['baseURL', 'prefixUrl', 'prefixURL'].includes(propertyName(p.name) ?? ''));
}

/** What `new X(…)` gives: an SDK instance of the SDK's constructor, an instance of a local class. */
export function newValues(tracking: Tracking, node: ts.NewExpression, depth: number): AbstractValue[] {
  const out: AbstractValue[] = [];
  for (const v of tracking.valuesOf(node.expression, depth + 1)) {
    if (v.kind === 'sdk-module') join(out, [{ kind: 'sdk' }]);
    else if (v.kind === 'class') join(out, [{ kind: 'instance', cls: v.cls }, ...thisValuesOfClass(tracking, v.cls, depth)]);
  }
  return out;
}

/** `new MyBot()` of `class MyBot extends ChipChat` is an instance of the SDK too. */
function thisValuesOfClass(tracking: Tracking, cls: ts.ClassLikeDeclaration, depth: number): AbstractValue[] {
  for (const h of cls.heritageClauses ?? []) {
    if (h.token !== ts.SyntaxKind.ExtendsKeyword) continue;
    for (const type of h.types) if (holds(tracking.valuesOf(type.expression, depth + 1), 'sdk-module')) return [{ kind: 'sdk' }];
  }
  return [];
}

/** `require('x')` / `import('x')` with a literal specifier. */
function moduleSpecifier(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (!(ts.isIdentifier(e) && e.text === 'require') && e.kind !== ts.SyntaxKind.ImportKeyword) return undefined;
  const a = call.arguments[0];
  return a && ts.isStringLiteralLike(a) ? a.text : undefined;
}

import { ts } from '../ts';
import { objectProperty, propertyName, unwrap } from './syntax';
import { trimLeading, trimTrailing } from '../text';
import { HOLE, type StaticString, type ValueResolver } from './values';
import type { ValueTracker } from './tracking/tracker';
import { holds } from './tracking/abstract-value';
import { API } from '../data';

export type HttpClientKind = 'fetch' | 'axios' | 'got' | 'node-http';

export interface HttpCall {
  call: ts.CallExpression;
  client: HttpClientKind;
  method: string;
  urlNode?: ts.Expression;
  url?: StaticString;
  /** The base URL of the client instance (axios baseURL / got prefixUrl), when known. */
  baseUrl?: string;
  /** The client was made with a base URL the analysis cannot read (it may be the Web1on1 API's). */
  baseUnread?: boolean;
  body?: ts.Expression;
  options?: ts.Expression;
}

const HTTP_MODULES: Record<string, HttpClientKind> = {
  axios: 'axios',
  got: 'got',
  'node-fetch': 'fetch',
  undici: 'fetch',
  'cross-fetch': 'fetch',
  'isomorphic-fetch': 'fetch',
  https: 'node-http',
  http: 'node-http',
  'node:https': 'node-http',
  'node:http': 'node-http',
};
/** A cheap test of a file's text: can any call in it be an HTTP call (fetch, or an HTTP library is loaded)? */
const MENTIONS_HTTP = /fetch|['"`](?:node:)?https?['"`]|['"`](?:axios|got|undici|node-fetch|cross-fetch|isomorphic-fetch)['"`]/;
export function mayCallHttp(text: string): boolean {
  return MENTIONS_HTTP.test(text);
}

/** The HTTP library a module specifier names, if any. */
export function httpModuleKind(spec: string): HttpClientKind | undefined {
  return Object.hasOwn(HTTP_MODULES, spec) ? HTTP_MODULES[spec] : undefined;
}

/** Wrappers of wrappers are followed this many calls out. */
const MAX_WRAPPER_DEPTH = 3;
const VERB_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const BODY_FIRST = new Set(['post', 'put', 'patch']);

interface ClientBinding { kind: HttpClientKind; baseUrl?: string; baseUnread?: boolean }

/** Finds outbound HTTP calls (fetch, axios, got, node:http/https) in one file, asking the value tracker what a callee holds. */
export class HttpModel {
  readonly calls: HttpCall[] = [];
  /** Calls inside the app's own HTTP wrappers, read at each call site of the wrapper (`call` is the site). */
  readonly wrapperCalls: HttpCall[] = [];
  /** Calls inside wrappers that were read at one call site or more (their own unread URL is no lost evidence). */
  readonly expanded = new Set<ts.CallExpression>();
  /** Client instances this file exports, by export name ('default' for the module itself): the base URL, HOLE when unread. */
  readonly exportedClients = new Map<string, string>();

  /** Wrappers other modules call, whose requests this file cannot read at those calls. */
  readonly lost: { node: ts.Node; what: string }[] = [];

  constructor(
    private readonly values: ValueResolver,
    private readonly tracker: ValueTracker,
    /** Names other modules of the app call on this file's exports (see FileHints.calledByImporters). */
    private readonly calledByImporters: ReadonlySet<string> = new Set(),
  ) {}

  /** `module.exports = api`, `export default api`, `export const api = …`, `module.exports = { api }`. */
  noteExport(name: string, expr: ts.Expression): void {
    const e = unwrap(expr);
    if (ts.isObjectLiteralExpression(e) && name === 'default') {
      for (const p of e.properties) {
        const n = ts.isShorthandPropertyAssignment(p) ? p.name.text : ts.isPropertyAssignment(p) ? propertyName(p.name) : undefined;
        const v = ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) ? p.initializer : undefined;
        if (n && v) this.noteExport(n, v);
      }
      return;
    }
    const b = this.binding(e);
    if (b?.baseUrl) this.exportedClients.set(name, b.baseUrl);
    else if (b?.baseUnread) this.exportedClients.set(name, HOLE);
  }

  private binding(expr: ts.Expression): ClientBinding | undefined {
    const v = holds(this.tracker.valuesOf(expr), 'http');
    return v ? { kind: v.client, baseUrl: v.baseUrl, baseUnread: v.baseUnread } : undefined;
  }

  noteCall(call: ts.CallExpression): void {
    const before = this.calls.length;
    this.classify(call);
    const found = this.calls[before];
    if (found && this.calledByImporters.size) this.noteOutsideCallers(found);
    // a URL or method the wrapper's parameters decide (`fetch(`${this.base}${path}`, { method })`) is read per call site
    if (found && ((found.url && !found.url.exact) || (!found.url && found.urlNode) || this.methodUnread(found))) this.expand(call, found.url?.text, this.methodUnread(found), this.tracker.functionOf(call), new Map(), 0);
  }

  /**
   * A request whose URL or options use a wrapper's parameters, in a wrapper other modules call (directly or
   * through wrappers of it): the paths they pass are out of this file's sight, so the call's scope is lost.
   */
  private noteOutsideCallers(c: HttpCall): void {
    const fn = this.tracker.functionOf(c.call);
    if (!fn || !fn.parameters.length || !(parameterDecidesPath(c.urlNode, fn) || this.methodFromParameter(c, fn))) return;
    const name = this.calledFromOutside(fn, 0);
    if (name && !this.lost.some((l) => l.node === c.call)) this.lost.push({ node: c.call, what: `the app's API wrapper \`${name}\` is called from another module with a path Policy Lens cannot read` });
  }

  private calledFromOutside(fn: ts.FunctionLikeDeclaration, depth: number): string | undefined {
    const name = functionName(fn);
    if (name && this.calledByImporters.has(name)) return name;
    if (depth >= MAX_WRAPPER_DEPTH) return undefined;
    for (const site of this.tracker.callSitesOf(fn)) {
      const outer = this.tracker.functionOf(site);
      // `contacts() { return this.request('GET', '/contacts') }` passes no caller's value on: its callers decide nothing
      const passesOn = outer && outer !== fn && outer.parameters.length && usesParameter([...(site.arguments ?? [])], outer);
      const found = passesOn ? this.calledFromOutside(outer, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  private methodFromParameter(c: HttpCall, fn: ts.FunctionLikeDeclaration): boolean {
    const config = this.values.objectLiteral(c.options);
    const node = config ? objectProperty(config, 'method') : undefined;
    return node !== undefined && usesParameter([node], fn);
  }

  /** The call names a method (`{ method }`) that is no string this file shows. */
  private methodUnread(c: HttpCall): boolean {
    const config = this.values.objectLiteral(c.options);
    const node = config ? objectProperty(config, 'method') : undefined;
    return node !== undefined && this.values.string(node) === undefined;
  }

  /**
   * A call inside the app's own wrapper (`request(path) { return fetch(`${this.base}${path}`) }`) read once per
   * call site of the wrapper, with its parameters bound to that site's arguments: each becomes a call at the site.
   */
  private expand(inner: ts.CallExpression, unbound: string | undefined, unboundMethodUnread: boolean, fn: ts.FunctionLikeDeclaration | undefined, bindings: ReadonlyMap<ts.Node, ts.Expression>, depth: number): void {
    if (!fn || depth >= MAX_WRAPPER_DEPTH) return;
    for (const site of this.tracker.callSitesOf(fn)) {
      if (!ts.isCallExpression(site)) continue;
      const bound = new Map(bindings);
      fn.parameters.forEach((p, i) => {
        const a = site.arguments[i];
        if (a && !ts.isSpreadElement(a)) bound.set(p, a);
      });
      const calls = this.values.withBindings(bound, () => {
        const n = this.calls.length;
        this.classify(inner);
        return this.calls.splice(n).map((c) => ({ c, methodUnread: this.methodUnread(c) }));
      });
      for (const { c, methodUnread } of calls) {
        // the site taught something: the URL, or the method the wrapper itself left unread
        if (c.url && (c.url.text !== unbound || (unboundMethodUnread && !methodUnread))) {
          this.wrapperCalls.push({ ...c, call: site });
          this.expanded.add(inner);
        }
        if (!c.url?.exact || methodUnread) this.expand(inner, unbound, unboundMethodUnread, this.tracker.functionOf(site), bound, depth + 1);
      }
    }
  }

  private classify(call: ts.CallExpression): void {
    const callee = unwrap(call.expression);
    const args = call.arguments;
    const direct = this.binding(callee);
    if (direct) {
      this.direct(call, direct, args);
      return;
    }
    if (!ts.isPropertyAccessExpression(callee)) return;
    const b = this.binding(callee.expression);
    if (!b) return;
    const m = callee.name.text;
    if (b.kind === 'node-http') {
      if (m === 'request' || m === 'get') this.nodeHttp(call, m, args);
      return;
    }
    if (m === 'request') {
      this.fromConfig(call, b, args[0]);
      return;
    }
    if (!VERB_METHODS.has(m)) return;
    const method = m.toUpperCase();
    if (b.kind === 'axios') {
      const body = BODY_FIRST.has(m) ? args[1] : undefined;
      const options = BODY_FIRST.has(m) ? args[2] : args[1];
      this.push({ call, client: b.kind, method, urlNode: args[0], baseUrl: b.baseUrl ?? this.values.propertyString(options, 'baseURL')?.text, body, options, ...(b.baseUnread ? { baseUnread: true } : {}) });
    } else {
      const options = args[1];
      this.push({ call, client: b.kind, method, urlNode: args[0], baseUrl: b.baseUrl ?? this.values.propertyString(options, 'prefixUrl')?.text, body: this.bodyOf(options), options, ...(b.baseUnread ? { baseUnread: true } : {}) });
    }
  }

  private direct(call: ts.CallExpression, b: ClientBinding, args: ts.NodeArray<ts.Expression>): void {
    if (b.kind === 'node-http') return;
    const first = args[0];
    if (first && this.values.objectLiteral(first) && b.kind !== 'fetch') {
      this.fromConfig(call, b, first);
      return;
    }
    const options = args[1];
    const method = this.values.propertyString(options, 'method')?.text.toUpperCase() ?? 'GET';
    const baseUrl = b.baseUrl ?? this.values.propertyString(options, b.kind === 'got' ? 'prefixUrl' : 'baseURL')?.text;
    this.push({ call, client: b.kind, method, urlNode: first, baseUrl, body: this.bodyOf(options), options, ...(b.baseUnread && !baseUrl ? { baseUnread: true } : {}) });
  }

  private fromConfig(call: ts.CallExpression, b: ClientBinding, config: ts.Expression | undefined): void {
    const obj = this.values.objectLiteral(config);
    const urlNode = obj ? objectProperty(obj, 'url') : undefined;
    const method = this.values.propertyString(config, 'method')?.text.toUpperCase() ?? 'GET';
    const baseUrl = b.baseUrl ?? this.values.propertyString(config, 'baseURL')?.text ?? this.values.propertyString(config, 'prefixUrl')?.text;
    this.push({ call, client: b.kind, method, urlNode, baseUrl, body: this.bodyOf(config), options: config, ...(b.baseUnread && !baseUrl ? { baseUnread: true } : {}) });
  }

  private nodeHttp(call: ts.CallExpression, m: string, args: ts.NodeArray<ts.Expression>): void {
    const first = args[0];
    const obj = this.values.objectLiteral(first);
    if (obj) {
      const host = this.values.propertyString(obj, 'hostname') ?? this.values.propertyString(obj, 'host');
      const path = this.values.propertyString(obj, 'path');
      const method = this.values.propertyString(obj, 'method')?.text.toUpperCase() ?? (m === 'get' ? 'GET' : 'GET');
      const url = host ? { text: `https://${host.text}${path?.text ?? '/'}`, exact: host.exact && (path?.exact ?? true), env: [...host.env, ...(path?.env ?? [])] } : undefined;
      this.calls.push({ call, client: 'node-http', method, urlNode: first, url, options: first });
    } else {
      const method = this.values.propertyString(args[1], 'method')?.text.toUpperCase() ?? 'GET';
      this.push({ call, client: 'node-http', method, urlNode: first, options: args[1] });
    }
  }

  private bodyOf(options: ts.Expression | undefined): ts.Expression | undefined {
    const obj = this.values.objectLiteral(options);
    if (!obj) return undefined;
    return objectProperty(obj, 'body') ?? objectProperty(obj, 'json') ?? objectProperty(obj, 'data') ?? objectProperty(obj, 'form');
  }

  private push(c: HttpCall): void {
    if (!c.url && c.urlNode) c.url = this.values.string(c.urlNode);
    this.calls.push(c);
  }
}

function functionName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name) || ts.isStringLiteral(fn.name))) return fn.name.text;
  const p = fn.parent;
  if ((ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && ts.isIdentifier(p.name)) return p.name.text;
  return undefined;
}

/** Whether any of the expressions reads a parameter of `fn` (the one place a wrapper's callers show through). */
function usesParameter(exprs: readonly (ts.Expression | undefined)[], fn: ts.FunctionLikeDeclaration): boolean {
  const names = new Set<string>();
  for (const p of fn.parameters) if (ts.isIdentifier(p.name)) names.add(p.name.text);
  // an explicit stack: a 20,000-term concatenation is as deep as it is long
  const stack: ts.Node[] = exprs.filter((e): e is ts.Expression => e !== undefined);
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isIdentifier(n) && names.has(n.text)) return true;
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return false;
}

/**
 * Whether a wrapper's parameter can choose the resource a URL asks for: not when it only fills the query string
 * or the id after a resource (`/conversations/${id}/messages`, `?conversation=${id}`).
 */
function parameterDecidesPath(url: ts.Expression | undefined, fn: ts.FunctionLikeDeclaration): boolean {
  if (!url) return false;
  // the `+` operands left to right, without recursion (a long concatenation is a deep tree)
  const parts: ts.Expression[] = [];
  const pending: ts.Expression[] = [url];
  while (pending.length) {
    const u = unwrap(pending.pop()!);
    if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken) pending.push(u.right, u.left);
    else parts.push(u);
  }
  let before = '';
  for (const part of parts) {
    if (ts.isStringLiteralLike(part)) {
      before += part.text;
      continue;
    }
    if (ts.isTemplateExpression(part)) {
      before += part.head.text;
      for (const span of part.templateSpans) {
        if (usesParameter([span.expression], fn) && !fillsIdOrQuery(before)) return true;
        before += span.literal.text;
      }
      continue;
    }
    if (usesParameter([part], fn) && !fillsIdOrQuery(before)) return true;
  }
  return false;
}

function fillsIdOrQuery(before: string): boolean {
  if (before.includes('?')) return true;
  const segments = before.split('/');
  return segments.length >= 2 && segments[segments.length - 1] === '' && Object.hasOwn(API.resources, segments[segments.length - 2]!);
}

/** The full URL of a call, joining a relative path to the client's base URL. */
export function effectiveUrl(call: HttpCall): string | undefined {
  const u = call.url?.text;
  if (u === undefined) return call.baseUrl;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) return u;
  if (call.baseUrl) return trimTrailing(call.baseUrl, '/') + '/' + trimLeading(u, '/');
  return u;
}

import { ts } from '../ts';
import { objectProperty, propertyName, unwrap } from './syntax';
import { trimLeading, trimTrailing } from '../text';
import type { StaticString, ValueResolver } from './values';

export type HttpClientKind = 'fetch' | 'axios' | 'got' | 'node-http';

export interface HttpCall {
  call: ts.CallExpression;
  client: HttpClientKind;
  method: string;
  urlNode?: ts.Expression;
  url?: StaticString;
  /** The base URL of the client instance (axios baseURL / got prefixUrl), when known. */
  baseUrl?: string;
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
const VERB_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const BODY_FIRST = new Set(['post', 'put', 'patch']);

interface ClientBinding { kind: HttpClientKind; baseUrl?: string }

/** Finds outbound HTTP calls (fetch, axios, got, node:http/https) in one file. */
export class HttpModel {
  private readonly clients = new Map<string, ClientBinding>();
  readonly calls: HttpCall[] = [];
  /** Client instances this file exports, by export name ('default' for the module itself). */
  readonly exportedClients = new Map<string, string>();

  constructor(private readonly values: ValueResolver) {
    this.clients.set('fetch', { kind: 'fetch' });
  }

  noteImport(spec: string, localNames: string[]): void {
    const kind = HTTP_MODULES[spec];
    if (!kind) return;
    for (const n of localNames) this.clients.set(n, { kind });
  }

  /** Client instances imported from another module of the app (resolved by the project index). */
  noteImportedClient(localName: string, baseUrl: string): void {
    this.clients.set(localName, { kind: 'axios', baseUrl });
  }

  /** `const api = axios.create({ baseURL })`, `got.extend({ prefixUrl })`. */
  noteDeclaration(decl: ts.VariableDeclaration): void {
    if (!ts.isIdentifier(decl.name) || !decl.initializer) return;
    const init = unwrap(decl.initializer);
    const created = this.createdClient(init);
    if (created) this.clients.set(decl.name.text, created);
  }

  private createdClient(init: ts.Expression): ClientBinding | undefined {
    if (!ts.isCallExpression(init) || !ts.isPropertyAccessExpression(init.expression)) return undefined;
    const m = init.expression.name.text;
    const base = this.binding(init.expression.expression);
    if (!base || (m !== 'create' && m !== 'extend')) return undefined;
    const opts = init.arguments[0];
    const url = this.values.propertyString(opts, base.kind === 'got' ? 'prefixUrl' : 'baseURL') ?? this.values.propertyString(opts, 'baseURL') ?? this.values.propertyString(opts, 'prefixUrl');
    return { kind: base.kind, baseUrl: url?.text ?? base.baseUrl };
  }

  /** `module.exports = api`, `export default api`, `export const api = …`, `module.exports = { api }`. */
  noteExport(name: string, expr: ts.Expression): void {
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) {
      const b = this.clients.get(e.text);
      if (b?.baseUrl) this.exportedClients.set(name, b.baseUrl);
    } else if (ts.isObjectLiteralExpression(e) && name === 'default') {
      for (const p of e.properties) {
        const n = ts.isShorthandPropertyAssignment(p) ? p.name.text : ts.isPropertyAssignment(p) ? propertyName(p.name) : undefined;
        const v = ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) ? p.initializer : undefined;
        if (n && v) this.noteExport(n, v);
      }
    } else {
      const created = this.createdClient(e);
      if (created?.baseUrl) this.exportedClients.set(name, created.baseUrl);
    }
  }

  private binding(expr: ts.Expression): ClientBinding | undefined {
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) return this.clients.get(e.text);
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'default' && ts.isIdentifier(e.expression)) return this.clients.get(e.expression.text);
    return undefined;
  }

  noteCall(call: ts.CallExpression): void {
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
      this.push({ call, client: b.kind, method, urlNode: args[0], baseUrl: b.baseUrl ?? this.values.propertyString(options, 'baseURL')?.text, body, options });
    } else {
      const options = args[1];
      this.push({ call, client: b.kind, method, urlNode: args[0], baseUrl: b.baseUrl ?? this.values.propertyString(options, 'prefixUrl')?.text, body: this.bodyOf(options), options });
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
    this.push({ call, client: b.kind, method, urlNode: first, baseUrl, body: this.bodyOf(options), options });
  }

  private fromConfig(call: ts.CallExpression, b: ClientBinding, config: ts.Expression | undefined): void {
    const obj = this.values.objectLiteral(config);
    const urlNode = obj ? objectProperty(obj, 'url') : undefined;
    const method = this.values.propertyString(config, 'method')?.text.toUpperCase() ?? 'GET';
    const baseUrl = b.baseUrl ?? this.values.propertyString(config, 'baseURL')?.text ?? this.values.propertyString(config, 'prefixUrl')?.text;
    this.push({ call, client: b.kind, method, urlNode, baseUrl, body: this.bodyOf(config), options: config });
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

/** The full URL of a call, joining a relative path to the client's base URL. */
export function effectiveUrl(call: HttpCall): string | undefined {
  const u = call.url?.text;
  if (u === undefined) return call.baseUrl;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) return u;
  if (call.baseUrl) return trimTrailing(call.baseUrl, '/') + '/' + trimLeading(u, '/');
  return u;
}

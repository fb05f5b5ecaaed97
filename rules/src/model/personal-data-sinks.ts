import vocabulary from '../../data/personal-data.json';
import { ts } from '../ts';
import type { FileModel } from './file-model';
import { accessChain, boundNames, isFunctionLike, unwrap } from './syntax';

/**
 * Where personal data leaves an app besides logs, stores and outbound HTTP (those are in sinks.ts and http.ts):
 * analytics SDKs that ship what they are given to their vendor, and HTTP responses of routes that answer
 * anyone. Words in rules/data/personal-data.json.
 */

const ANALYTICS_HOSTS: ReadonlyMap<string, string> = new Map(Object.entries(vocabulary.analytics.modules));
const ANALYTICS_METHODS: ReadonlySet<string> = new Set(vocabulary.analytics.methods);
const RESPONSE_METHODS: ReadonlySet<string> = new Set(vocabulary.responses.methods);
const AUTH_WORDS: readonly string[] = vocabulary.responses.authWords.map((w) => w.toLowerCase());
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all']);
const ROUTERS = /^(app|router|server|api|routes|fastify|r)$/i;
/** Parts of a request that say who is calling. */
const CALLER_PARTS = new Set(['headers', 'get', 'header', 'user', 'session', 'auth', 'signedCookies', 'cookies']);

export interface AnalyticsCall {
  call: ts.CallExpression;
  /** The vendor's API host, to compare with dataProtection.thirdParties. */
  host: string;
  /** `mixpanel.people.set`, in words for the user. */
  name: string;
}

/** Calls of analytics SDKs (Mixpanel, Segment, Amplitude, PostHog …) that send their arguments to the vendor. */
export function analyticsCalls(model: FileModel): AnalyticsCall[] {
  const modules = new Map<string, string>();
  for (const imp of model.imports) {
    const host = ANALYTICS_HOSTS.get(imp.spec);
    if (host) for (const n of imp.names) modules.set(n, host);
  }
  if (!modules.size) return [];
  // instances: `Mixpanel.init(token)`, `new Analytics({ writeKey })`, `PostHog(key)`
  const instances = new Map(modules);
  for (let pass = 0; pass < 2; pass++) {
    for (const d of model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration)) {
      if (!d.initializer || !ts.isIdentifier(d.name)) continue;
      const init = unwrap(d.initializer);
      if (!ts.isCallExpression(init) && !ts.isNewExpression(init)) continue;
      const root = accessChain(init.expression)?.[0];
      const host = root ? instances.get(root) : undefined;
      if (host) instances.set(d.name.text, host);
    }
  }
  const out: AnalyticsCall[] = [];
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !ANALYTICS_METHODS.has(callee.name.text)) continue;
    const chain = accessChain(callee);
    const host = chain && chain.length <= 3 ? instances.get(chain[0]!) : undefined;
    if (host) out.push({ call, host, name: chain!.join('.') });
  }
  return out;
}

export interface RouteResponse {
  /** `res.json(rows)`. */
  call: ts.CallExpression;
  /** What it hands out. */
  value: ts.Expression;
  /** `GET /api/leads`, for the message. */
  route: string;
}

/**
 * What routes registered without any check of the caller send back: `app.get('/leads', async (req, res) =>
 * res.json(await Lead.find()))`. A route counts as checked when a middleware sits between its path and its
 * handler, when the file mounts a middleware named like authentication (`app.use(passport.authenticate(…))`),
 * or when the handler reads who is calling (`req.user`, `req.headers.authorization`, `req.session`).
 */
export function unauthenticatedResponses(model: FileModel): RouteResponse[] {
  const calls = model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression);
  if (calls.some((c) => isAuthMiddlewareUse(model, c))) return [];
  const out: RouteResponse[] = [];
  for (const call of calls) {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !ROUTE_METHODS.has(callee.name.text) || call.arguments.length !== 2) continue;
    const router = accessChain(callee.expression);
    if (!router || !ROUTERS.test(router[router.length - 1]!)) continue;
    const path = model.values.string(call.arguments[0]!);
    const handler = unwrap(call.arguments[1]!);
    if (!path || !isFunctionLike(handler) || handler.parameters.length < 2) continue;
    const [reqName] = boundNames(handler.parameters[0]!.name);
    const [resName] = boundNames(handler.parameters[1]!.name);
    if (!reqName || !resName || readsCaller(handler, reqName)) continue;
    const route = `${callee.name.text.toUpperCase()} ${path.text}`;
    forEachCall(handler, (c) => {
      const m = c.expression;
      if (!ts.isPropertyAccessExpression(m) || !RESPONSE_METHODS.has(m.name.text) || !c.arguments[0]) return;
      // res.json(x) / res.status(200).json(x)
      let target: ts.Expression = unwrap(m.expression);
      while (ts.isCallExpression(target) && ts.isPropertyAccessExpression(target.expression)) target = unwrap(target.expression.expression);
      if (ts.isIdentifier(target) && target.text === resName) out.push({ call: c, value: c.arguments[0], route });
    });
  }
  return out;
}

/** `app.use(passport.authenticate('jwt'))`, `app.use(requireAuth)`, `router.use(checkApiKey)`: every route behind a check. */
function isAuthMiddlewareUse(model: FileModel, call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'use') return false;
  return call.arguments.some((a) => namesAuth(model.text.slice(a.pos, a.end)));
}

function namesAuth(text: string): boolean {
  const lower = text.toLowerCase();
  return AUTH_WORDS.some((w) => lower.includes(w));
}

/** The handler looks at who is calling: `req.user`, `req.headers.authorization`, `req.get('x-api-key')`, `req.session`. */
function readsCaller(handler: ts.FunctionLikeDeclaration, reqName: string): boolean {
  let reads = false;
  const walk = (n: ts.Node): void => {
    if (reads) return;
    if (ts.isPropertyAccessExpression(n) && CALLER_PARTS.has(n.name.text) && ts.isIdentifier(n.expression) && n.expression.text === reqName) reads = true;
    else ts.forEachChild(n, walk);
  };
  if (handler.body) walk(handler.body);
  return reads;
}

function forEachCall(node: ts.Node, visit: (c: ts.CallExpression) => void): void {
  const walk = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) visit(n);
    ts.forEachChild(n, walk);
  };
  walk(node);
}

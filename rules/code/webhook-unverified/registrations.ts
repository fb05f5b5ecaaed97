// Where a file registers HTTP request handlers, in the three ways web frameworks do it:
//   call:   `app.post(path, …handlers)`, `router.use(…)`, `app.route(path).post(…)` (Express, Koa, Fastify's shorthands),
//           `fastify.addHook('preHandler', fn)` / `server.ext('onPreHandler', fn)` (middleware on every route);
//   object: `server.route({ method, path, handler })` (Hapi, Fastify), also arrays of them;
//   file:   the file is the route (Next.js `pages/api/**` and `app/**/route.ts`, Vercel `api/**`, serverless handlers).
// The vocabularies (hook methods, routes roots, handler export names) are in rules/data/webhook-receivers.json.
import { ts } from '../../src/ts';
import type { CodeRuleContext } from '../../src/rule';
import { accessChain, isFunctionLike, objectProperty, propertyName, unwrap } from '../../src/model/syntax';
import receivers from '../../data/webhook-receivers.json';

const ROUTE_METHODS = new Set(['use', 'post', 'all']);
const HOOK_METHODS: ReadonlySet<string> = new Set(receivers.routeRegistration.hookMethods);
const OBJECT_ROUTE_METHODS: ReadonlySet<string> = new Set(receivers.routeRegistration.objectRouteMethods);
const POSTING_METHODS = /^(?:post|put|\*|any|all)$/i;
const ROUTES_ROOTS: readonly string[] = receivers.routeRegistration.fileRouteRoots;
const HANDLER_EXPORTS: ReadonlySet<string> = new Set(receivers.routeRegistration.handlerExports);
const FILE_ROUTE_EXPORTS: ReadonlySet<string> = new Set(receivers.routeRegistration.fileRouteExports);

/** A handler registration, in document order. */
export interface Registration {
  form: 'call' | 'object' | 'file';
  /** Where it is registered: the call, the route object, or the exported handler's statement. */
  node: ts.Node;
  /** The registering call (call and object forms): fixes insert middleware into it. */
  call: ts.CallExpression | undefined;
  method: string;
  /** The app or router: the receiver's text (`app`, `this.app`); the file itself for file routes. */
  receiver: string;
  /** Static path, normalised; undefined when absent (all paths) or unknown. */
  path: string | undefined;
  pathKnown: boolean;
  pathNode: ts.Expression | undefined;
  /** What the route is called in a message and what its words are read from when no path node says it. */
  pathText: string | undefined;
  /** Middleware and handlers in the order they run (object form: what runs before `handler`, then it). */
  handlers: ts.Expression[];
}

export function registrations(context: CodeRuleContext): Registration[] {
  const model = context.model;
  const out: Registration[] = [];
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) continue;
    const method = callee.name.text;
    // the method name first: asking what the receiver holds follows its values, and most calls register nothing
    if (!OBJECT_ROUTE_METHODS.has(method) && !HOOK_METHODS.has(method) && !ROUTE_METHODS.has(method)) continue;
    let target: ts.Expression = unwrap(callee.expression);
    // the SDK's own `bot.use(fn)` is receive middleware on parsed payloads, not an HTTP registration
    if (model.sdk.isInstance(target)) continue;
    if (OBJECT_ROUTE_METHODS.has(method) && call.arguments.length === 1) {
      for (const route of routeObjects(context, call.arguments[0]!)) out.push(objectRegistration(context, call, target, route));
      continue;
    }
    if (HOOK_METHODS.has(method) && call.arguments.length >= 2 && ts.isStringLiteralLike(unwrap(call.arguments[0]!))) {
      out.push({ form: 'call', node: call, call, method: 'use', receiver: target.getText(context.sourceFile), path: undefined, pathKnown: true, pathNode: undefined, pathText: undefined, handlers: call.arguments.slice(1) });
      continue;
    }
    if (!ROUTE_METHODS.has(method)) continue;
    const args = [...call.arguments];
    let pathNode: ts.Expression | undefined;
    // app.route('/webhook').post(handler)
    if (ts.isCallExpression(target) && ts.isPropertyAccessExpression(target.expression) && target.expression.name.text === 'route') {
      pathNode = target.arguments[0];
      target = unwrap(target.expression.expression);
    } else if (args[0] && !isFunctionLike(unwrap(args[0])) && model.values.string(args[0])) {
      pathNode = args.shift();
    } else if (args[0] && isPathLike(unwrap(args[0]))) {
      pathNode = args.shift();
    }
    const p = pathNode ? model.values.string(pathNode) : undefined;
    out.push({
      form: 'call',
      node: call,
      call,
      method,
      receiver: target.getText(context.sourceFile),
      path: p?.exact ? normalise(p.text) : undefined,
      pathKnown: !pathNode || !!p?.exact,
      pathNode,
      pathText: pathNode?.getText(context.sourceFile),
      handlers: args,
    });
  }
  out.push(...fileRoutes(context));
  return out.sort((a, b) => a.node.pos - b.node.pos);
}

/** `{ method: 'POST', path, handler }` objects a `route(…)` call registers (one, or an array of them). */
function routeObjects(context: CodeRuleContext, arg: ts.Expression): ts.ObjectLiteralExpression[] {
  const u = unwrap(arg);
  const items = ts.isArrayLiteralExpression(u) ? u.elements : [u];
  const out: ts.ObjectLiteralExpression[] = [];
  for (const item of items) {
    const obj = context.model.values.objectLiteral(item);
    if (!obj || !objectProperty(obj, 'method') || !(objectProperty(obj, 'path') || objectProperty(obj, 'url'))) continue;
    if (!postsBody(context, objectProperty(obj, 'method')!)) continue;
    out.push(obj);
  }
  return out;
}

function postsBody(context: CodeRuleContext, method: ts.Expression): boolean {
  const u = unwrap(method);
  if (ts.isArrayLiteralExpression(u)) return u.elements.some((e) => postsBody(context, e));
  const s = context.model.values.string(u);
  return !s?.exact || POSTING_METHODS.test(s.text);
}

/**
 * Hapi's `{ handler }` or `{ options: { handler, pre } }`, Fastify's `{ handler, preHandler, onRequest }`: every
 * function-valued member other than the handler runs before it (Hapi's `pre: [{ method }]` included).
 */
function objectRegistration(context: CodeRuleContext, call: ts.CallExpression, target: ts.Expression, route: ts.ObjectLiteralExpression): Registration {
  const pathNode = objectProperty(route, 'path') ?? objectProperty(route, 'url');
  const p = pathNode ? context.model.values.string(pathNode) : undefined;
  const holders = [route];
  for (const key of ['options', 'config']) {
    const inner = context.model.values.objectLiteral(objectProperty(route, key));
    if (inner) holders.push(inner);
  }
  let handler: ts.Expression | undefined;
  const before: ts.Expression[] = [];
  const collect = (e: ts.Expression, depth: number): void => {
    const u = unwrap(e);
    if (depth > 3) return;
    if (ts.isArrayLiteralExpression(u)) {
      for (const x of u.elements) collect(x, depth + 1);
    } else if (ts.isObjectLiteralExpression(u)) {
      for (const m of u.properties) if (ts.isPropertyAssignment(m)) collect(m.initializer, depth + 1);
    } else if (!ts.isStringLiteralLike(u) && !ts.isNumericLiteral(u)) {
      before.push(u);
    }
  };
  for (const h of holders) {
    for (const m of h.properties) {
      const name = m.name ? propertyName(m.name) : undefined;
      if (!name || ['method', 'path', 'url', 'options', 'config', 'schema'].includes(name)) continue;
      // a method (`handler(request, h) { … }`) is a function-like node the rule reads as a handler expression
      const value = ts.isPropertyAssignment(m) ? m.initializer : ts.isShorthandPropertyAssignment(m) ? m.name : ts.isMethodDeclaration(m) ? (m as unknown as ts.Expression) : undefined;
      if (name === 'handler') handler = value;
      else if (value) collect(value, 0);
    }
  }
  return {
    form: 'object',
    // findings start at the call for one route, at the route's object in an array of them
    node: unwrap(call.arguments[0]!) === route ? call : route,
    call,
    method: 'post',
    receiver: target.getText(context.sourceFile),
    path: p?.exact ? normalise(p.text) : undefined,
    pathKnown: !!p?.exact,
    pathNode,
    pathText: pathNode?.getText(context.sourceFile),
    handlers: handler ? [...before, handler] : before,
  };
}

/**
 * A file that is a route: its default export under a routes root (`pages/api/webhook.ts`, `api/hook.js`), its
 * `POST` export in a Next.js route file, or a serverless `handler` export anywhere. The path is the file's own.
 */
function fileRoutes(context: CodeRuleContext): Registration[] {
  const file = context.file.replace(/\\/g, '/');
  const underRoot = underRoutesRoot(file);
  const out: Registration[] = [];
  const routeFile = (underRoot ?? file.slice(file.lastIndexOf('/') + 1)).replace(/\.[cm]?[jt]sx?$/, '');
  const add = (node: ts.Node, fn: ts.Expression | undefined) => {
    if (fn) out.push({ form: 'file', node, call: undefined, method: 'post', receiver: file, path: undefined, pathKnown: true, pathNode: undefined, pathText: routeFile, handlers: [fn] });
  };
  const wanted = (name: string) => HANDLER_EXPORTS.has(name) || (underRoot !== undefined && (name === 'default' || FILE_ROUTE_EXPORTS.has(name)));
  for (const stmt of context.sourceFile.statements) {
    for (const { name, value } of exportsOf(stmt)) if (wanted(name)) add(stmt, value);
  }
  return out;
}

/** The part of a path after the first routes root in it (`src/pages/api/hook.ts` → `hook.ts`), if any. */
function underRoutesRoot(file: string): string | undefined {
  const segments = `/${file}`.split('/');
  for (let i = 1; i < segments.length - 1; i++) {
    for (const root of ROUTES_ROOTS) {
      const parts = root.split('/');
      if (parts.every((p, k) => segments[i + k] === p) && i + parts.length < segments.length) return segments.slice(i + parts.length).join('/');
    }
  }
  return undefined;
}

/** What a top-level statement exports: `export default fn`, `export function POST`, `exports.handler = fn`, `module.exports = fn`. */
function exportsOf(stmt: ts.Statement): { name: string; value: ts.Expression | undefined }[] {
  const isExported = (s: ts.Statement) => ts.canHaveModifiers(s) && !!ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (s: ts.Statement) => ts.canHaveModifiers(s) && !!ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  if (ts.isFunctionDeclaration(stmt) && isExported(stmt)) return [{ name: isDefault(stmt) ? 'default' : stmt.name?.text ?? 'default', value: stmt as unknown as ts.Expression }];
  if (ts.isExportAssignment(stmt) && !stmt.isExportEquals) return [{ name: 'default', value: stmt.expression }];
  if (ts.isVariableStatement(stmt) && isExported(stmt)) {
    return stmt.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [{ name: d.name.text, value: d.initializer }] : []));
  }
  if (ts.isExpressionStatement(stmt) && ts.isBinaryExpression(stmt.expression) && stmt.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const chain = accessChain(stmt.expression.left);
    const rest = chain?.[0] === 'module' ? chain.slice(1) : chain;
    if (rest?.[0] !== 'exports' || rest.length > 2) return [];
    return [{ name: rest[1] ?? 'default', value: stmt.expression.right }];
  }
  return [];
}

/** An identifier or property that names a path (`WEBHOOK_PATH`, `config.webhookPath`). */
function isPathLike(e: ts.Expression): boolean {
  const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : '';
  return /path|route|url|prefix|endpoint/i.test(name);
}

export function normalise(path: string): string {
  let p = path.startsWith('/') ? path : `/${path}`;
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

import { ts } from '../../src/ts';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { networkInputOf, type NetworkInput } from '../../src/model/network-input';
import { accessChain, calleeName, isFunctionLike, objectProperty, unwrap } from '../../src/model/syntax';
import type { Fix } from '../../src/types';
import { SignatureChecks } from '../../src/webhook/signature-checks';
import { comparesSecret, isBotObject, isRequestBody, webhookReceiver, type Receiver } from '../../src/webhook/webhook-receivers';
import { failOpenGuard } from '../../src/webhook/fail-open';
import { unawaitedVerifyCall } from '../../src/webhook/unawaited-verify';
import { canAddMiddleware, eolOf, helperEdits, indentOf, mentionsWebhookApp, pathLiteral } from './middleware-fix';
import { VERIFY_HELPER_NAME } from './verify-middleware';
import { timingSafeFix } from './timing-safe-fix';
import { fixTitle } from '../../src/fixes/title';
import { normalise, registrations, type Registration } from './registrations';

const WEBHOOK_PATH = /hook|web1on1|chipchat|chatshipper|callback|incoming|events?\b|bot/i;
/** `bot.ingest(…)` on an SDK instance imported from another module (`pipeline.ingest` is something else). */
const BOT_RECEIVER = /bot|chipchat|chatshipper|web1on1|sdk/i;
const WEB1ON1_EVENT = /^(?:message|contact|conversation)\.(?:create|update|delete)/;

export default createCodeRule({
  meta: {
    id: 'webhook-unverified',
    target: 'code',
    description: 'Webhook requests handled without a working signature check (chipchat start/router/ingest, routes of any platform, checks that run only if a secret is set or are not awaited, === on signatures).',
    clauses: ['B.1'],
    severity: 'error',
    securitySeverity: 8.1,
    fixable: true,
    messages: {
      sdkServer: '{{call}} handles webhook requests through chipchat\'s signature check, which on a wrong x-hub-signature only emits \'error\' and processes the payload anyway{{secretNote}}: anyone who finds the URL can post fake conversation events. Verify the HMAC-SHA1 of the raw body before chipchat sees the request',
      ingest: '{{call}} skips chipchat\'s signature check when no signature is passed (and otherwise compares a re-serialised body), and nothing verifies x-hub-signature over the raw request body before it: anyone can post fake conversation events',
      ingestElsewhere: '{{call}} processes a payload without a signature check (chipchat skips it when no signature is passed); if this payload arrives over HTTP, verify x-hub-signature over the raw body first',
      route: 'Webhook route {{route}} handles payloads without checking their signature (Web1on1 signs with x-hub-signature): anyone who finds the URL can post fake conversation events; verify the HMAC-SHA1 of the raw body with crypto.timingSafeEqual and answer 401 otherwise',
      platformRoute: 'Webhook route {{route}} acts on the request body without checking who sent it{{platformNote}}: anyone who finds the URL can post fake events; verify the signature over the raw body (crypto.timingSafeEqual) and answer 401 otherwise',
      botMount: '{{call}} handles a bot framework\'s webhook deliveries on {{route}}, and nothing before it verifies their signature: anyone who finds the URL can post fake events; verify the signature over the raw body first (middleware before the router, or a body-parser verify hook that throws)',
      failOpen: 'The signature check runs only when {{secret}} is set: without it every request is processed unverified (fail-open); refuse requests, or refuse to start, when the secret is missing',
      failOpenHeader: 'The signature check runs only when the request carries one ({{secret}}): a request without a signature is processed unverified (fail-open); refuse it with 401',
      checkSwitch: 'The signature check can be switched off ({{secret}}): with it off, anyone who finds the URL can post fake events; keep the check on everywhere (tests can sign their requests)',
      unawaited: '{{call}} checks the signature asynchronously, but its promise is neither awaited nor returned: the request goes on before the check ends and a failed check is only an unhandled rejection; await it (or return it) and reject the request when it fails',
      compare: 'Signature compared with {{op}}: the comparison stops at the first differing character, so response times leak the expected signature; use crypto.timingSafeEqual after a length check',
    },
  },
  create(context) {
    const model = context.model;
    let checks: SignatureChecks | undefined;
    const sig = () => (checks ??= new SignatureChecks(model, context.hints.webhookVerifiers));

    return {
      [ts.SyntaxKind.BinaryExpression](node) {
        if (!sig().anyInFile() || !sig().isSignatureComparison(node)) return;
        const b = node as ts.BinaryExpression;
        const fix = timingSafeFix(context, b);
        context.report({ messageId: 'compare', data: { op: b.operatorToken.getText(context.sourceFile) }, start: b.getStart(context.sourceFile), end: b.getEnd(), fixes: fix ? [fix] : undefined });
      },
      [ts.SyntaxKind.IfStatement](node) {
        if (!sig().anyInFile()) return;
        const guard = failOpenGuard(model, sig(), node as ts.IfStatement);
        if (!guard) return;
        const stmt = guard.statement;
        const messageId = guard.kind === 'secret' ? 'failOpen' : guard.kind === 'header' ? 'failOpenHeader' : 'checkSwitch';
        // an option that is off only when someone sets it is a weaker finding than a check that is skipped by default
        context.report({ messageId, data: { secret: guard.secret }, start: stmt.getStart(context.sourceFile), end: stmt.expression.getEnd() + 1, severity: guard.kind === 'switch' ? 'warning' : undefined });
      },
      [ts.SyntaxKind.ExpressionStatement](node) {
        if (!sig().anyInFile()) return;
        const call = unawaitedVerifyCall(model, sig(), node as ts.ExpressionStatement);
        if (call) context.report({ messageId: 'unawaited', data: { call: `${call.expression.getText(context.sourceFile)}()` }, start: call.getStart(context.sourceFile), end: call.getEnd() });
      },
      onEnd() {
        const webhookCalls = model.sdk.calls.filter((c) => c.kind === 'webhook');
        const regs = registrations(context);
        if (!webhookCalls.length && !regs.length) return;
        const s = sig();
        let network: NetworkInput | undefined;
        // only ingest() calls ask where their payload comes from; building it walks every declaration
        const ctx: Ctx = { context, checks: s, regs, network: () => (network ??= networkInputOf(model)) };
        for (const c of webhookCalls) {
          if (c.method === 'start' || c.method === 'router') checkServer(ctx, c.call, c.method);
          else if (c.method === 'ingest') checkIngest(ctx, c.call);
        }
        const sdkCalls = new Set(webhookCalls.map((c) => c.call));
        for (const r of regs) {
          if (r.method !== 'use') checkRoute(ctx, r, sdkCalls);
          else checkBotMount(ctx, r, sdkCalls);
        }
      },
    };
  },
});

interface Ctx {
  context: CodeRuleContext;
  checks: SignatureChecks;
  regs: Registration[];
  network: () => NetworkInput;
}

function joinPaths(mount: string | undefined, path: string): string {
  return normalise(`${mount && mount !== '/' ? mount : ''}${path}`);
}

/** A registration at `regPath` runs for requests to `target` (unknown paths get the benefit of the doubt). */
function covers(reg: Registration, target: string | undefined): boolean {
  if (!reg.pathKnown || reg.path === undefined || target === undefined) return true;
  if (reg.method === 'use') return reg.path === '/' || target === reg.path || target.startsWith(`${reg.path}/`);
  return target === reg.path;
}

function verifiedBefore(ctx: Ctx, receiver: string, pos: number, target: string | undefined): boolean {
  return ctx.regs.some((r) => r.receiver === receiver && r.node.getEnd() <= pos && covers(r, target) && r.handlers.some((h) => ctx.checks.isVerifierExpr(h)));
}

function bodyParsedBefore(ctx: Ctx, receiver: string, pos: number): boolean {
  return ctx.regs.some((r) => r.receiver === receiver && r.node.getEnd() <= pos && r.handlers.some((h) => ctx.checks.isBodyParser(h)));
}

/** A receiver as a message shows it: `bot` for a chain like `bot.on(…).on(…)` that spans lines. */
function shown(receiver: string): string {
  const cut = receiver.search(/[\s(]/);
  return cut < 0 ? receiver : `${receiver.slice(0, cut)}…`;
}

function sdkReceiver(sf: ts.SourceFile, call: ts.CallExpression): string {
  return (unwrap(call.expression) as ts.PropertyAccessExpression).expression.getText(sf);
}

/** `, and no secret is configured …` when the instance's constructor is in this file without one. */
function secretNote(ctx: Ctx, call: ts.CallExpression): string {
  const name = sdkReceiver(ctx.context.sourceFile, call);
  for (const n of ctx.context.model.nodes<ts.NewExpression>(ts.SyntaxKind.NewExpression)) {
    const p = n.parent;
    if (!ts.isVariableDeclaration(p) || !ts.isIdentifier(p.name) || p.name.text !== name || !ctx.context.model.sdk.isInstance(n)) continue;
    const opts = ctx.context.model.values.objectLiteral(n.arguments?.[0]);
    if (n.arguments?.[0] && !opts) return '';
    const hasSecret = !!opts && (objectProperty(opts, 'secret') !== undefined || opts.properties.some((x) => ts.isSpreadAssignment(x)));
    return hasSecret ? '' : ' (and no secret is passed here: without process.env.SECRET nothing is checked at all)';
  }
  return '';
}

function checkServer(ctx: Ctx, call: ts.CallExpression, method: 'start' | 'router'): void {
  const { context } = ctx;
  const bot = sdkReceiver(context.sourceFile, call);
  const data = { call: `${shown(bot)}.${method}()`, secretNote: secretNote(ctx, call) };
  if (method === 'start') {
    context.report({ messageId: 'sdkServer', data, start: reportStart(context.sourceFile, call), end: call.getEnd(), fixes: startFix(ctx, call, bot) });
    return;
  }
  const values = context.model.values;
  const a0 = call.arguments[0];
  const opts = values.objectLiteral(a0);
  const pathExpr = opts ? objectProperty(opts, 'pathPrefix') : a0;
  const ps = pathExpr ? values.string(pathExpr) : undefined;
  const routerPath = !pathExpr ? '/' : ps?.exact ? normalise(ps.text) : undefined;
  const appExpr = opts ? objectProperty(opts, 'app') : call.arguments[1];
  let verified = false;
  let mount: { receiver: string; path: string | undefined; statementCall: ts.CallExpression } | undefined;
  if (appExpr) {
    const receiver = unwrap(appExpr).getText(context.sourceFile);
    verified = verifiedBefore(ctx, receiver, call.getStart(context.sourceFile), routerPath);
    mount = { receiver, path: undefined, statementCall: call };
  } else {
    const reg = mountOf(ctx, call);
    if (reg) {
      const full = routerPath === undefined || !reg.pathKnown ? undefined : joinPaths(reg.path, routerPath);
      const varName = ts.isVariableDeclaration(call.parent) && ts.isIdentifier(call.parent.name) ? call.parent.name.text : undefined;
      const routerArg = reg.handlers.findIndex((h) => (h.getStart(context.sourceFile) <= call.getStart(context.sourceFile) && call.getEnd() <= h.getEnd()) || (ts.isIdentifier(unwrap(h)) && (unwrap(h) as ts.Identifier).text === varName));
      verified = reg.handlers.slice(0, Math.max(0, routerArg)).some((h) => ctx.checks.isVerifierExpr(h)) || verifiedBefore(ctx, reg.receiver, reg.node.getStart(context.sourceFile), full);
      mount = { receiver: reg.receiver, path: reg.pathKnown ? reg.path : undefined, statementCall: reg.call! };
      if (!reg.pathKnown) mount = undefined;
    }
  }
  if (verified) return;
  let fixes: Fix[] | undefined;
  if (mount && routerPath !== undefined) fixes = postBeforeFix(ctx, mount.statementCall, mount.receiver, joinPaths(mount.path, routerPath), `${bot}.secret`);
  context.report({ messageId: 'sdkServer', data, start: reportStart(context.sourceFile, call), end: call.getEnd(), fixes });
}

/** Where a finding on `receiver.method()` starts: at `.method` when the receiver is a chain of calls (`bot.on(…).on(…).start()` spans many lines). */
function reportStart(sf: ts.SourceFile, call: ts.CallExpression): number {
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) && ts.isCallExpression(unwrap(callee.expression)) ? callee.name.getStart(sf) : call.getStart(sf);
}

/** `app.use('/hook', bot.router())`, or `const routes = bot.router(); … app.use(routes)`. */
function mountOf(ctx: Ctx, call: ts.CallExpression): Registration | undefined {
  const direct = ctx.regs.find((r) => r.form === 'call' && r.method === 'use' && r.handlers.some((h) => unwrap(h) === call));
  if (direct) return direct;
  const p = call.parent;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) {
    const name = p.name.text;
    return ctx.regs.find((r) => r.form === 'call' && r.method === 'use' && r.handlers.some((h) => ts.isIdentifier(unwrap(h)) && (unwrap(h) as ts.Identifier).text === name));
  }
  return undefined;
}

function checkIngest(ctx: Ctx, call: ts.CallExpression): void {
  const { context, checks } = ctx;
  if (context.isTestFile) return; // tests feed payloads to ingest() directly
  const fns: ts.FunctionLikeDeclaration[] = [];
  for (let cur: ts.Node | undefined = call.parent; cur; cur = cur.parent) if (isFunctionLike(cur)) fns.push(cur);
  if (fns.some((fn) => checks.firstCheck(fn, call.getStart(context.sourceFile)) !== undefined)) return;
  const isOurs = (h: ts.Expression) => {
    const fn = handlerFunction(context, h);
    return !!fn && fns.includes(fn);
  };
  const route = ctx.regs.find((r) => r.method !== 'use' && r.handlers.some(isOurs));
  if (route) {
    const handlerAt = route.handlers.findIndex(isOurs);
    if (route.handlers.slice(0, handlerAt).some((h) => checks.isVerifierExpr(h))) return;
    if (verifiedBefore(ctx, route.receiver, route.node.getStart(context.sourceFile), route.path)) return;
  }
  const first = fns[0]?.parameters[0];
  const fromHttp = !!route || ctx.network().source(call.arguments[0]) === 'the HTTP request' || (!!first && ts.isIdentifier(first.name) && /^req(uest)?$/.test(first.name.text));
  const bot = sdkReceiver(context.sourceFile, call);
  const fixes = route ? routeFix(ctx, route, `${bot}.secret`) : undefined;
  context.report({ messageId: fromHttp ? 'ingest' : 'ingestElsewhere', data: { call: `${shown(bot)}.ingest()` }, start: call.getStart(context.sourceFile), end: call.getEnd(), severity: fromHttp ? undefined : 'warning', fixes });
}

function checkRoute(ctx: Ctx, reg: Registration, sdkCalls: Set<ts.CallExpression>): void {
  const { context, checks } = ctx;
  // the last handler that is a function (claudia-api-builder takes an options object after it)
  let fn: ts.FunctionLikeDeclaration | undefined;
  let at = reg.handlers.length - 1;
  for (; at >= 0 && !fn; at--) fn = handlerFunction(context, reg.handlers[at]!);
  if (!fn || fn.parameters.length === 0) return;
  const before = reg.handlers.slice(0, at + 1);
  let ingests = false;
  let sdkIngest = false;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && calleeName(n) === 'ingest' && ts.isPropertyAccessExpression(unwrap(n.expression)) && BOT_RECEIVER.test((unwrap(n.expression) as ts.PropertyAccessExpression).expression.getText(context.sourceFile))) {
      ingests = true;
      if (sdkCalls.has(n)) sdkIngest = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(fn);
  if (sdkIngest) return; // reported at the ingest() call
  const web1on1 = ingests || readsWebhookEvent(context.sourceFile, fn, reg);
  const receiver: Receiver | undefined = web1on1 ? undefined : webhookReceiver(context.sourceFile, fn, routePathTexts(context, reg));
  if (!web1on1 && !receiver) return;
  if (checks.verifiesIn(fn)) return;
  if (before.some((h) => checks.isVerifierExpr(h))) return;
  if (verifiedBefore(ctx, reg.receiver, reg.node.getStart(context.sourceFile), reg.path)) return;
  if (receiver && comparesSecret(fn)) return;
  const end = reg.pathNode?.getEnd() ?? (reg.call && reg.form === 'call' ? reg.call.expression.getEnd() : headEnd(context.sourceFile, fn, reg.node));
  const route = `${reg.method.toUpperCase()} ${reg.pathText ?? reg.receiver}`;
  if (receiver) {
    // another platform's webhook: the x-hub-signature helper the fixes add would check the wrong thing
    const platformNote = receiver.platform ? ` (${receiver.platform.name} signs its deliveries: ${receiver.platform.check})` : '';
    context.report({ messageId: 'platformRoute', data: { route, platformNote }, start: reg.node.getStart(context.sourceFile), end });
    return;
  }
  const bot = context.model.sdk.instanceNames.values().next().value as string | undefined;
  context.report({ messageId: 'route', data: { route }, start: reg.node.getStart(context.sourceFile), end, fixes: routeFix(ctx, reg, bot ? `${bot}.secret` : 'process.env.WEBHOOK_SECRET') });
}

const BOT_ROUTERS = new Set(['router', 'middleware', 'webhookCallback']);

/** `app.use('/fb', botly.router())`: another bot framework's webhook router, mounted with nothing verifying before it. */
function checkBotMount(ctx: Ctx, reg: Registration, sdkCalls: Set<ts.CallExpression>): void {
  const { context, checks } = ctx;
  const at = reg.handlers.findIndex((h) => {
    const u = unwrap(h);
    if (!ts.isCallExpression(u) || sdkCalls.has(u)) return false;
    const callee = unwrap(u.expression);
    return ts.isPropertyAccessExpression(callee) && BOT_ROUTERS.has(callee.name.text) && isBotObject(callee.expression.getText(context.sourceFile)) && !context.model.sdk.isInstance(callee.expression);
  });
  if (at < 0) return;
  if (reg.handlers.slice(0, at).some((h) => checks.isVerifierExpr(h))) return;
  if (verifiedBefore(ctx, reg.receiver, reg.node.getStart(context.sourceFile), reg.path)) return;
  const call = unwrap(reg.handlers[at]!) as ts.CallExpression;
  const route = reg.pathNode ? reg.pathNode.getText(context.sourceFile) : 'every path';
  context.report({ messageId: 'botMount', data: { call: `${call.expression.getText(context.sourceFile)}()`, route }, start: reg.node.getStart(context.sourceFile), end: reg.node.getEnd() });
}

/** The route's path as written and, when it resolves, as a string: both may name a webhook or a platform. */
function routePathTexts(context: CodeRuleContext, reg: Registration): string[] {
  if (!reg.pathNode) return reg.pathText ? [reg.pathText] : [];
  const out = [reg.pathNode.getText(context.sourceFile)];
  if (reg.path !== undefined) out.push(reg.path);
  return out;
}

/** Where a finding on a route object or a route file ends: before the handler's body (its head), within `node`. */
function headEnd(sf: ts.SourceFile, fn: ts.FunctionLikeDeclaration, node: ts.Node): number {
  const head = fn.body ? fn.body.getStart(sf) : fn.getEnd();
  return Math.min(node.getEnd(), Math.max(node.getStart(sf) + 1, head));
}

function handlerFunction(context: CodeRuleContext, e: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  const x = unwrap(e);
  if (isFunctionLike(x)) return x;
  if (ts.isIdentifier(x)) return context.model.functionsByName.get(x.text);
  return undefined;
}

/**
 * The handler reads the Web1on1 event of the request body, on a webhook-looking route or with Web1on1 payload
 * shapes, or reads the Web1on1 payload itself (`req.body.data.message`) on a webhook-looking route.
 */
function readsWebhookEvent(sf: ts.SourceFile, fn: ts.FunctionLikeDeclaration, reg: Registration): boolean {
  const first = fn.parameters[0];
  const req = first && ts.isIdentifier(first.name) ? first.name.text : undefined;
  if (!req) return false;
  const bodies = new Set<string>(['payload']);
  let event = false;
  let shape = false;
  /** `req.body.data.message`: the Web1on1 payload read straight from the request. */
  let bodyShape = false;
  // `req.body.payload` counts too: some senders wrap the event one level down
  const isBody = (e: ts.Expression): boolean => {
    if (isRequestBody(e, req, bodies)) return true;
    const chain = accessChain(unwrap(e));
    return chain?.length === 3 && chain[0] === req && chain[1] === 'body';
  };
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.initializer) {
      if (ts.isIdentifier(n.name) && isBody(n.initializer)) bodies.add(n.name.text);
      if (ts.isObjectBindingPattern(n.name)) {
        for (const el of n.name.elements) {
          const key = (el.propertyName ?? el.name).getText(sf);
          if (key === 'event' && isBody(n.initializer)) event = true;
          if (key === 'body' && ts.isIdentifier(unwrap(n.initializer)) && (unwrap(n.initializer) as ts.Identifier).text === req && ts.isIdentifier(el.name)) bodies.add(el.name.text);
        }
      }
    }
    if (ts.isPropertyAccessExpression(n) && n.name.text === 'event' && isBody(n.expression)) event = true;
    if (ts.isPropertyAccessExpression(n) && ['message', 'conversation', 'contact'].includes(n.name.text) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'data') {
      shape = true;
      if (isBody(n.expression.expression)) bodyShape = true;
    }
    if (ts.isStringLiteralLike(n) && WEB1ON1_EVENT.test(n.text)) shape = true;
    ts.forEachChild(n, visit);
  };
  visit(fn);
  const webhookPath = WEBHOOK_PATH.test(reg.pathText ?? '');
  return (event && (shape || webhookPath)) || (bodyShape && webhookPath);
}

/** `bot.start()` → an express app with the verifier in front of chipchat's router. */
function startFix(ctx: Ctx, call: ts.CallExpression, bot: string): Fix[] | undefined {
  const { context } = ctx;
  const stmt = call.parent;
  if (!ts.isExpressionStatement(stmt) || !ts.isIdentifier(unwrap((unwrap(call.expression) as ts.PropertyAccessExpression).expression)) || !canAddMiddleware(context)) return undefined;
  if (mentionsWebhookApp(context)) return undefined;
  const indent = indentOf(context, stmt);
  const eol = eolOf(context);
  const port = listenPort(context.sourceFile, call.arguments[0]);
  const lines = [
    `const webhookApp = require('express')();`,
    `webhookApp.post(${bot}.webhook, ${VERIFY_HELPER_NAME}(${bot}.secret));`,
    `${bot}.router({ pathPrefix: ${bot}.webhook, app: webhookApp, async: true });`,
    `webhookApp.listen(${port}, () => ${bot}.emit('ready', {}));`,
  ];
  return [{
    description: 'Verify x-hub-signature before chipchat',
    edits: [{ file: context.file, start: stmt.getStart(context.sourceFile), end: stmt.getEnd(), newText: lines.join(eol + indent) }, ...helperEdits(context)],
    safe: false,
  }];
}

/** What `start(port)` listens on: `port || process.env.PORT || 3000`, without repeating itself. */
function listenPort(sf: ts.SourceFile, arg: ts.Expression | undefined): string {
  if (!arg) return 'process.env.PORT || 3000';
  const t = arg.getText(sf);
  if (ts.isNumericLiteral(unwrap(arg))) return t;
  return t.replace(/\s+/g, '') === 'process.env.PORT' ? 'process.env.PORT || 3000' : `${t} || process.env.PORT || 3000`;
}

/** `app.post('/webhook', verifyWebhookSignature(bot.secret));` before the statement that mounts chipchat. */
function postBeforeFix(ctx: Ctx, registering: ts.CallExpression, receiver: string, path: string, secret: string): Fix[] | undefined {
  const { context } = ctx;
  const stmt = registering.parent;
  if (!ts.isExpressionStatement(stmt) || !canAddMiddleware(context) || bodyParsedBefore(ctx, receiver, stmt.getStart(context.sourceFile))) return undefined;
  const insert = `${receiver}.post(${pathLiteral(context, path)}, ${VERIFY_HELPER_NAME}(${secret}));${eolOf(context)}${indentOf(context, stmt)}`;
  return [{
    description: fixTitle(`Verify x-hub-signature on ${path}`, 'Verify x-hub-signature before chipchat'),
    edits: [{ file: context.file, start: stmt.getStart(context.sourceFile), end: stmt.getStart(context.sourceFile), newText: insert }, ...helperEdits(context)],
    safe: false,
  }];
}

/** `app.post('/webhook', verifyWebhookSignature(secret), handler)`. */
function routeFix(ctx: Ctx, reg: Registration, secret: string): Fix[] | undefined {
  const { context } = ctx;
  const first = reg.handlers[0];
  // a middleware argument can only be added to a registering call (`app.post(path, …)`)
  if (reg.form !== 'call' || !first || !canAddMiddleware(context) || bodyParsedBefore(ctx, reg.receiver, reg.node.getStart(context.sourceFile))) return undefined;
  return [{
    description: 'Verify x-hub-signature before the handler',
    edits: [{ file: context.file, start: first.getStart(context.sourceFile), end: first.getStart(context.sourceFile), newText: `${VERIFY_HELPER_NAME}(${secret}), ` }, ...helperEdits(context)],
    safe: false,
  }];
}

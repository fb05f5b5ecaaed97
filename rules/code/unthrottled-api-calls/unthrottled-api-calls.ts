import { ts } from '../../src/ts';
import { effectiveUrl } from '../../src/model/http';
import { hostOf, isApiHost } from '../../src/model/hosts';
import { calleeName, isFunctionLike, propertyName, unwrap } from '../../src/model/syntax';
import { HOLE } from '../../src/model/values';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { loopWait, scheduledTask } from './schedules';

/** At most this many items is a known-small array (a few locations, a handful of templates). */
const SMALL_ARRAY = 10;
/** Polling the API more often than once a minute is load without need: webhooks push changes. */
const MIN_POLL_MS = 60_000;
const ALL_PROMISES = new Set(['all', 'allSettled', 'any', 'race']);
/** Wrappers that bound concurrency or pace calls (p-limit, p-queue, Bottleneck, async.queue …). */
const THROTTLE_CALLEE = /limit|queue|throttle|schedul|bottleneck|semaphore|mutex|concurren|pace|batch/i;
const DELAY_CALLEE = /sleep|delay|backoff|wait|pause|timeout/i;
const SDK_API_KINDS = new Set(['resource', 'send', 'command', 'conversation']);

/** `label` is set for HTTP calls; an SDK call's is its callee's text, read only when reporting (getText per call was most of this rule's cost). */
interface ApiCall { node: ts.CallExpression; label?: string }

function labelOf(sf: ts.SourceFile, a: ApiCall): string {
  return a.label ?? `${a.node.expression.getText(sf).replace(/\s+/g, '')}()`;
}

export default createCodeRule({
  meta: {
    id: 'unthrottled-api-calls',
    target: 'code',
    // looks only around Web1on1 API calls, made through the SDK or an HTTP client
    requires: ['sdk-calls', 'http-calls'],
    description: 'Web1on1 API calls fired for every item of an unbounded array at once, polling faster than once a minute (timers, cron schedules, loops that sleep between rounds), and retry loops without backoff.',
    clauses: ['F.1'],
    severity: 'warning',
    fixable: false,
    messages: {
      fanOut: '{{api}} runs for every item of {{array}} at once ({{how}}): a long list floods the Web1on1 API; limit the concurrency (e.g. p-limit) or process the items in sequence',
      polling: '{{api}} is polled every {{interval}}: poll at most once a minute, or subscribe to the webhook event instead',
      retry: '{{api}} is retried in a loop without waiting between attempts: back off (e.g. await a growing delay) so a failing API is not hammered',
    },
  },
  create(context) {
    const api = apiCalls(context);
    // the listener keys must be there even for a file without API calls: the engine collects nodes by them
    const finder = api.length ? new ApiFinder(context, api) : undefined;
    return {
      [ts.SyntaxKind.CallExpression](node) {
        if (!finder) return;
        fanOut(context, finder, node as ts.CallExpression);
        polling(context, finder, node as ts.CallExpression);
        scheduled(context, finder, node as ts.CallExpression);
      },
      [ts.SyntaxKind.NewExpression]: (node) => finder && scheduled(context, finder, node as ts.NewExpression),
      [ts.SyntaxKind.WhileStatement]: (node) => finder && loops(context, finder, node as ts.WhileStatement),
      [ts.SyntaxKind.DoStatement]: (node) => finder && loops(context, finder, node as ts.DoStatement),
      [ts.SyntaxKind.ForStatement]: (node) => finder && loops(context, finder, node as ts.ForStatement),
    };
  },
});

/** SDK calls that reach the API and HTTP calls to a Web1on1 API host. */
function apiCalls(context: CodeRuleContext): ApiCall[] {
  const out: ApiCall[] = [];
  for (const c of context.model.sdk.calls) {
    if (SDK_API_KINDS.has(c.kind)) out.push({ node: c.call });
  }
  for (const h of context.model.http.calls) {
    const url = effectiveUrl(h);
    const host = url ? hostOf(url) : undefined;
    if (url && host && isApiHost(host)) out.push({ node: h.call, label: `${h.method} ${url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]!.replaceAll(HOLE, '{…}')}` });
  }
  return out.sort((a, b) => a.node.pos - b.node.pos);
}

/** The first index whose key is ≥ `pos` in a list sorted by key. */
function lowerBound<T>(list: readonly T[], pos: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Finds the API calls a function (or block) makes, also through local functions and class methods it calls. */
class ApiFinder {
  private readonly calls: ts.CallExpression[];
  constructor(private readonly context: CodeRuleContext, private readonly api: ApiCall[]) {
    this.calls = context.model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression);
  }

  /** The first API call in `scope`, with the chain of calls that leads to it. */
  find(scope: ts.Node, depth = 0, seen = new Set<ts.Node>()): { call: ApiCall; path: ts.CallExpression[] } | undefined {
    if (depth > 4 || seen.has(scope)) return undefined;
    seen.add(scope);
    const [from, to] = [scope.getStart(this.context.sourceFile), scope.getEnd()];
    // both lists are in document order (by pos): look only at the slice inside the scope
    let direct: ApiCall | undefined;
    for (let i = lowerBound(this.api, scope.pos, (a) => a.node.pos); i < this.api.length && this.api[i]!.node.pos < to; i++) {
      const a = this.api[i]!;
      if (a.node.getStart(this.context.sourceFile) >= from && a.node.getEnd() <= to) {
        direct = a;
        break;
      }
    }
    if (direct) return { call: direct, path: [] };
    for (let i = lowerBound(this.calls, scope.pos, (c) => c.pos); i < this.calls.length && this.calls[i]!.pos < to; i++) {
      const c = this.calls[i]!;
      if (c.getStart(this.context.sourceFile) < from || c.getEnd() > to) continue;
      const target = this.localFunction(c);
      const found = target ? this.find(target, depth + 1, seen) : undefined;
      if (found) return { call: found.call, path: [c, ...found.path] };
    }
    return undefined;
  }

  /** `poll()` → its declaration in the file; `this.poll()` → the method of the enclosing class. */
  localFunction(call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined {
    return this.resolve(call.expression);
  }

  private resolve(callee: ts.Expression): ts.FunctionLikeDeclaration | undefined {
    const e = unwrap(callee);
    if (ts.isIdentifier(e)) return this.context.model.functionsByName.get(e.text);
    if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) {
      let cls: ts.Node | undefined = e.parent;
      while (cls && !ts.isClassLike(cls)) cls = cls.parent;
      const m = cls && (cls as ts.ClassLikeDeclaration).members.find((x) => (ts.isMethodDeclaration(x) || ts.isPropertyDeclaration(x)) && x.name && propertyName(x.name) === e.name.text);
      if (m && ts.isMethodDeclaration(m)) return m;
      if (m && ts.isPropertyDeclaration(m) && m.initializer && isFunctionLike(unwrap(m.initializer))) return unwrap(m.initializer) as ts.FunctionLikeDeclaration;
    }
    return undefined;
  }

  functionOf(e: ts.Expression | undefined): ts.FunctionLikeDeclaration | undefined {
    if (!e) return undefined;
    const u = unwrap(e);
    if (isFunctionLike(u)) return u;
    if (ts.isIdentifier(u) || ts.isPropertyAccessExpression(u)) return this.resolve(u);
    // `this.poll.bind(this)`
    if (ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && u.expression.name.text === 'bind') return this.functionOf(u.expression.expression);
    return undefined;
  }
}

/** `Promise.all(items.map(async (x) => api(x)))`, `items.forEach(async (x) => api(x))`. */
function fanOut(context: CodeRuleContext, finder: ApiFinder, call: ts.CallExpression): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  if (method !== 'forEach' && method !== 'map' && method !== 'flatMap') return;
  const receiver = unwrap(callee.expression);
  if (ts.isIdentifier(receiver) && /^(Promise|Bluebird|bluebird|async|P)$/.test(receiver.text)) return;
  const fn = finder.functionOf(call.arguments[0]);
  if (!fn || !fn.body) return;
  let report: ts.Node = call;
  let reportEnd = callee.getEnd();
  let how = 'forEach never waits for the calls';
  if (method !== 'forEach') {
    const all = awaitedTogether(context, call);
    if (!all) return;
    how = `${all.expression.getText(context.sourceFile)}(…) starts them all together`;
    // `Promise.all(items.map(…))` is reported as a whole; through a variable, at the map
    if (all.arguments.includes(call)) {
      report = all;
      reportEnd = all.expression.getEnd();
    }
  }
  if (isKnownSmall(context, receiver)) return;
  const found = finder.find(fn);
  if (!found || throttled(context.sourceFile, found, fn) || hasDelayAwait(context.sourceFile, fn.body)) return;
  context.report({
    messageId: 'fanOut',
    data: { api: labelOf(context.sourceFile, found.call), array: short(context.sourceFile, receiver), how },
    start: report.getStart(context.sourceFile),
    end: reportEnd,
  });
}

/** The `Promise.all(…)` that runs a `.map(…)`'s promises together: directly, or through a variable. */
function awaitedTogether(context: CodeRuleContext, mapCall: ts.CallExpression): ts.CallExpression | undefined {
  let p: ts.Node = mapCall.parent;
  while (ts.isParenthesizedExpression(p) || ts.isAsExpression(p)) p = p.parent;
  if (ts.isCallExpression(p) && isPromiseAll(p) && p.arguments.includes(mapCall as ts.Expression)) return p;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) {
    const name = p.name.text;
    return context.model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression).find((c) => isPromiseAll(c) && c.arguments.some((a) => ts.isIdentifier(unwrap(a)) && (unwrap(a) as ts.Identifier).text === name));
  }
  return undefined;
}

function isPromiseAll(c: ts.CallExpression): boolean {
  const e = c.expression;
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Promise' && ALL_PROMISES.has(e.name.text);
}

/** An array literal (or constant) of at most SMALL_ARRAY items, `Object.keys({…})` of as few, `x.slice(0, n)` with a small n. */
function isKnownSmall(context: CodeRuleContext, expr: ts.Expression): boolean {
  const { values } = context.model;
  const arr = values.arrayLiteral(expr);
  if (arr) return arr.elements.length <= SMALL_ARRAY && !arr.elements.some(ts.isSpreadElement);
  const e = unwrap(expr);
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
  const m = e.expression.name.text;
  if (m === 'slice') {
    const [a, b] = e.arguments.map((x) => staticNumber(context, x));
    if (e.arguments.length === 2 && a !== undefined && b !== undefined) return b - a <= SMALL_ARRAY;
    if (e.arguments.length === 1 && a !== undefined && a < 0) return -a <= SMALL_ARRAY;
    return false;
  }
  if ((m === 'keys' || m === 'values' || m === 'entries') && ts.isIdentifier(e.expression.expression) && e.expression.expression.text === 'Object') {
    const obj = values.objectLiteral(e.arguments[0]);
    return !!obj && obj.properties.length <= SMALL_ARRAY;
  }
  return false;
}

/** The path to the API call passes through a concurrency limiter (`limit(() => …)`, `queue.add(…)`). */
function throttled(sf: ts.SourceFile, found: { call: ApiCall; path: ts.CallExpression[] }, fn: ts.Node): boolean {
  const first = found.path[0] ?? found.call.node;
  for (let n: ts.Node | undefined = first.parent; n && n !== fn; n = n.parent) {
    if (ts.isCallExpression(n) && THROTTLE_CALLEE.test(n.expression.getText(sf))) return true;
  }
  return found.path.some((c) => THROTTLE_CALLEE.test(c.expression.getText(sf)));
}

/** `setInterval(poll, 5000)` and `setTimeout(poll, 5000)` inside `poll` itself, with an API call in `poll`. */
function polling(context: CodeRuleContext, finder: ApiFinder, call: ts.CallExpression): void {
  const name = calleeName(call);
  if (name !== 'setInterval' && name !== 'setTimeout') return;
  if (ts.isPropertyAccessExpression(call.expression) && !/^(global|globalThis|window|timers)$/.test(call.expression.expression.getText(context.sourceFile))) return;
  let fn = finder.functionOf(call.arguments[0]);
  if (!fn) return;
  if (name === 'setTimeout') {
    // only a timer that re-arms its own function polls: `function poll() { …; setTimeout(poll, 5000); }`
    const target = rescheduled(finder, fn);
    if (!target || !contains(context.sourceFile, target, call)) return;
    fn = target;
  }
  const delay = call.arguments[1] ? staticNumber(context, call.arguments[1]) : 0;
  if (delay === undefined || delay >= MIN_POLL_MS) return;
  const found = finder.find(fn);
  if (!found) return;
  context.report({ messageId: 'polling', data: { api: labelOf(context.sourceFile, found.call), interval: human(delay) }, start: call.getStart(context.sourceFile), end: call.expression.getEnd() });
}

/** A task a cron expression runs more often than once a minute, that calls the API. */
function scheduled(context: CodeRuleContext, finder: ApiFinder, call: ts.CallExpression | ts.NewExpression): void {
  const job = scheduledTask(context, call);
  if (!job || job.every >= MIN_POLL_MS) return;
  const fn = finder.functionOf(job.task);
  const found = fn && finder.find(fn);
  if (found) context.report({ messageId: 'polling', data: { api: labelOf(context.sourceFile, found.call), interval: human(job.every) }, start: call.getStart(context.sourceFile), end: call.expression.getEnd() });
}

/** Loops that retry without waiting, and loops that poll: go round for ever, waiting less than a minute each time. */
function loops(context: CodeRuleContext, finder: ApiFinder, loop: ts.WhileStatement | ts.DoStatement | ts.ForStatement): void {
  retryLoop(context, finder, loop);
  const wait = loopWait(context, loop, (e) => staticNumber(context, e));
  if (wait === undefined || wait >= MIN_POLL_MS) return;
  const found = finder.find(loop.statement);
  if (!found) return;
  const keyword = ts.isWhileStatement(loop) ? 'while' : ts.isDoStatement(loop) ? 'do' : 'for';
  context.report({ messageId: 'polling', data: { api: labelOf(context.sourceFile, found.call), interval: human(wait) }, start: loop.getStart(context.sourceFile), end: loop.getStart(context.sourceFile) + keyword.length });
}

/** The function a timer callback runs: itself, or the one local function an arrow wrapper calls. */
function rescheduled(finder: ApiFinder, fn: ts.FunctionLikeDeclaration): ts.FunctionLikeDeclaration | undefined {
  if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) return fn;
  const body = fn.body;
  const inner = body && ts.isCallExpression(unwrap(body as ts.Expression)) ? (unwrap(body as ts.Expression) as ts.CallExpression) : undefined;
  if (inner) return finder.localFunction(inner);
  if (body && ts.isBlock(body) && body.statements.length === 1) {
    const s = body.statements[0]!;
    if (ts.isExpressionStatement(s) && ts.isCallExpression(unwrap(s.expression))) return finder.localFunction(unwrap(s.expression) as ts.CallExpression);
  }
  const p = fn.parent;
  // `const poll = async () => { …; setTimeout(poll, 5000) }`
  return ts.isVariableDeclaration(p) ? fn : undefined;
}

/** A loop around try/catch that leaves on success and goes round again on failure, with no wait in between. */
function retryLoop(context: CodeRuleContext, finder: ApiFinder, loop: ts.WhileStatement | ts.DoStatement | ts.ForStatement): void {
  const cond = ts.isForStatement(loop) ? loop.condition : loop.expression;
  if (cond && /\.length\b/.test(cond.getText(context.sourceFile))) return; // iterating over items, not retrying
  const tries = directTries(loop.statement);
  for (const t of tries) {
    const found = finder.find(t.tryBlock);
    if (!found) continue;
    // a retry: success leaves the loop for sure, failure goes round again (a paginating loop leaves only sometimes)
    const leaves = exitsLoop(t.tryBlock) || (cond !== undefined && assignsConditionName(t.tryBlock, cond));
    if (!leaves || (t.catchClause && exitsLoop(t.catchClause.block, true))) continue;
    if (hasDelayAwait(context.sourceFile, loop.statement) || callsDelay(loop.statement)) continue;
    const keyword = ts.isWhileStatement(loop) ? 'while' : ts.isDoStatement(loop) ? 'do' : 'for';
    context.report({ messageId: 'retry', data: { api: labelOf(context.sourceFile, found.call) }, start: loop.getStart(context.sourceFile), end: loop.getStart(context.sourceFile) + keyword.length });
    return;
  }
}

/** try statements in a loop body, not inside nested functions or loops. */
function directTries(body: ts.Statement): ts.TryStatement[] {
  const out: ts.TryStatement[] = [];
  const visit = (n: ts.Node) => {
    if (isFunctionLike(n) || ts.isIterationStatement(n, false)) return;
    if (ts.isTryStatement(n)) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(body);
  return out;
}

/** A `return`/`break` (or, for a catch, also a `throw`) among the block's own statements: it always leaves the loop. */
function exitsLoop(block: ts.Block, orThrow = false): boolean {
  return block.statements.some((st) => ts.isReturnStatement(st) || (ts.isBreakStatement(st) && !st.label) || (orThrow && ts.isThrowStatement(st)));
}

/** `while (!done) { try { …; done = true } … }`: a statement of the block itself sets the condition. */
function assignsConditionName(block: ts.Block, cond: ts.Expression): boolean {
  const names = new Set<string>();
  const collect = (n: ts.Node) => {
    if (ts.isIdentifier(n)) names.add(n.text);
    ts.forEachChild(n, collect);
  };
  collect(cond);
  return block.statements.some((st) => {
    if (!ts.isExpressionStatement(st)) return false;
    const e = st.expression;
    return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(e.left) && names.has(e.left.text);
  });
}

/** `await sleep(…)`, `await delay(…)`, `await new Promise((r) => setTimeout(r, ms))`, `await setTimeout(ms)` (timers/promises). */
function hasDelayAwait(sf: ts.SourceFile, body: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isAwaitExpression(n) && isDelay(sf, n.expression)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

function isDelay(sf: ts.SourceFile, expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    return !!name && DELAY_CALLEE.test(name);
  }
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Promise') return /\bsetTimeout\b/.test(e.getText(sf));
  return false;
}

/** A callback-style wait in the loop (`setTimeout(next, backoff)`) also paces it. */
function callsDelay(body: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isCallExpression(n) && /^(sleep|delay|backoff|wait)\w*$/i.test(calleeName(n) ?? '')) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/** A number known from the source: literals, constants, arithmetic, and `env || 5000` fallbacks. */
function staticNumber(context: CodeRuleContext, expr: ts.Expression, depth = 0): number | undefined {
  if (depth > 8) return undefined;
  const e = unwrap(expr);
  if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ''));
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) {
    const v = staticNumber(context, e.operand, depth + 1);
    return v === undefined ? undefined : -v;
  }
  if (ts.isIdentifier(e)) {
    const init = context.model.values.initializerOf(e.text);
    if (init) return staticNumber(context, init, depth + 1);
    // a constant another module exports (`import { POLL_MS } from './config.mjs'`)
    return numberText(context, e);
  }
  // a member of an object of the file or of another module's exports (`config.pollMs`)
  if (ts.isPropertyAccessExpression(e)) return numberText(context, e);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return staticNumber(context, e.left, depth + 1) ?? staticNumber(context, e.right, depth + 1);
    const l = staticNumber(context, e.left, depth + 1);
    const r = staticNumber(context, e.right, depth + 1);
    if (l === undefined || r === undefined) return undefined;
    if (op === ts.SyntaxKind.AsteriskToken) return l * r;
    if (op === ts.SyntaxKind.PlusToken) return l + r;
    if (op === ts.SyntaxKind.MinusToken) return l - r;
    if (op === ts.SyntaxKind.SlashToken && r !== 0) return l / r;
  }
  return undefined;
}

function numberText(context: CodeRuleContext, e: ts.Expression): number | undefined {
  const s = context.model.values.string(e);
  return s?.exact && /^\d[\d_]*(\.\d+)?$/.test(s.text) ? Number(s.text.replace(/_/g, '')) : undefined;
}

function contains(sf: ts.SourceFile, outer: ts.Node, inner: ts.Node): boolean {
  return inner.getStart(sf) >= outer.getStart(sf) && inner.getEnd() <= outer.getEnd();
}

function human(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

function short(sf: ts.SourceFile, e: ts.Expression): string {
  const t = e.getText(sf).replace(/\s+/g, ' ');
  return t.length > 40 ? `${t.slice(0, 37)}…` : t;
}

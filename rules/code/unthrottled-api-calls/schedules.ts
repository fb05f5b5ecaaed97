// Polling that is not a setInterval: tasks run by a cron expression (node-cron, node-schedule, cron, croner) and
// async loops that wait a fixed time between rounds (`while (true) { await poll(); await sleep(5000) }`).
import { ts } from '../../src/ts';
import type { CodeRuleContext } from '../../src/rule';
import { calleeName, isFunctionLike, objectProperty, unwrap } from '../../src/model/syntax';
import schedulers from '../../data/schedulers.json';

const MODULES: ReadonlySet<string> = new Set(schedulers.modules);
const METHODS: ReadonlySet<string> = new Set(schedulers.methods);
const CRON_FIELD = /^[\d*/,\-?LW#A-Za-z]+$/;

export interface ScheduledTask {
  task: ts.Expression;
  /** The shortest time between two runs, in ms. */
  every: number;
}

/** `cron.schedule('*\/10 * * * * *', task)`, `new CronJob(expr, task)`, `scheduleJob(name, expr, task)`. */
export function scheduledTask(context: CodeRuleContext, call: ts.CallExpression | ts.NewExpression): ScheduledTask | undefined {
  const name = calleeName(call);
  if (!name || !METHODS.has(name) || !fromScheduler(context, call.expression)) return undefined;
  const args = call.arguments ?? [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const obj = context.model.values.objectLiteral(arg);
    if (obj) {
      const expr = firstKey(obj, schedulers.expressionKeys);
      const task = firstKey(obj, schedulers.taskKeys);
      const every = expr ? expressionInterval(context, expr) : undefined;
      if (every !== undefined && task) return { task, every };
      continue;
    }
    const every = expressionInterval(context, arg);
    if (every === undefined) continue;
    const task = args.slice(i + 1).find((a) => isFunctionLike(unwrap(a)) || ts.isIdentifier(unwrap(a)));
    return task ? { task, every } : undefined;
  }
  return undefined;
}

function firstKey(obj: ts.ObjectLiteralExpression, keys: readonly string[]): ts.Expression | undefined {
  for (const k of keys) {
    const v = objectProperty(obj, k);
    if (v) return v;
  }
  return undefined;
}

/** The callee's root is bound to a scheduler package (`cron.schedule`, `CronJob`, `schedule.scheduleJob`). */
function fromScheduler(context: CodeRuleContext, callee: ts.Expression): boolean {
  let root = unwrap(callee);
  while (ts.isPropertyAccessExpression(root)) root = unwrap(root.expression);
  if (!ts.isIdentifier(root)) return false;
  const local = root.text;
  return context.model.imports.some((imp) => MODULES.has(imp.spec) && imp.names.includes(local));
}

function expressionInterval(context: CodeRuleContext, e: ts.Expression): number | undefined {
  const s = context.model.values.string(e);
  return s?.exact ? cronInterval(s.text) : undefined;
}

/**
 * The shortest time between runs of a cron expression, when it is shorter than a minute: six fields (seconds
 * first, node-cron and cron style) whose seconds field fires more than once a minute. Five fields run at most
 * once a minute, which is undefined here too (nothing to report).
 */
export function cronInterval(expression: string): number | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length < 6 || fields.length > 7 || !fields.every((f) => CRON_FIELD.test(f))) return undefined;
  const seconds = fields[0]!;
  const times = new Set<number>();
  for (const part of seconds.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return undefined;
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [0, 59];
    else if (/^\d+-\d+$/.test(range!)) [from, to] = range!.split('-').map(Number) as [number, number];
    else if (/^\d+$/.test(range!)) [from, to] = [Number(range), stepText === undefined ? Number(range) : 59];
    else return undefined;
    for (let t = from; t <= Math.min(to, 59); t += step) times.add(t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length < 2) return undefined;
  let gap = sorted[0]! + 60 - sorted[sorted.length - 1]!;
  for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, sorted[i]! - sorted[i - 1]!);
  return gap * 1000;
}

/**
 * A loop that never ends by itself (`while (true)`, `for (;;)`, `while (this.running)`) and waits a known time
 * between rounds (`await sleep(5000)`, `await new Promise((r) => setTimeout(r, 5000))`): the wait, in ms.
 */
export function loopWait(context: CodeRuleContext, loop: ts.WhileStatement | ts.DoStatement | ts.ForStatement, staticNumber: (e: ts.Expression) => number | undefined): number | undefined {
  const cond = ts.isForStatement(loop) ? loop.condition : loop.expression;
  if (cond && !runsOn(cond)) return undefined;
  // a loop that leaves once a call succeeds is a retry (retryLoop's), not polling
  if (leaves(loop.statement)) return undefined;
  let wait: number | undefined;
  const visit = (n: ts.Node): void => {
    if (wait !== undefined || (isFunctionLike(n) && !isPromiseExecutor(n))) return;
    if (ts.isAwaitExpression(n)) {
      const ms = delayOf(unwrap(n.expression), staticNumber);
      if (ms !== undefined) {
        wait = ms;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(loop.statement);
  return wait;
}

/** A `break` or `return` of this loop (not of a nested function, loop or switch). */
function leaves(body: ts.Statement): boolean {
  let found = false;
  const visit = (n: ts.Node, nested: boolean): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) || (ts.isBreakStatement(n) && (!nested || !!n.label))) {
      found = true;
      return;
    }
    const inner = nested || ts.isIterationStatement(n, false) || ts.isSwitchStatement(n);
    ts.forEachChild(n, (c) => visit(c, inner));
  };
  visit(body, false);
  return found;
}

/** `true`, `1`, `running`, `this.active`, `!stopped`: a flag, not a count or a comparison. */
function runsOn(cond: ts.Expression): boolean {
  let u = unwrap(cond);
  if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken) u = unwrap(u.operand);
  return u.kind === ts.SyntaxKind.TrueKeyword || (ts.isNumericLiteral(u) && u.text !== '0') || ts.isIdentifier(u) || (ts.isPropertyAccessExpression(u) && u.name.text !== 'length');
}

function isPromiseExecutor(n: ts.Node): boolean {
  return ts.isNewExpression(n.parent) && ts.isIdentifier(n.parent.expression) && n.parent.expression.text === 'Promise';
}

/** `sleep(5000)`, `delay(ms)`, `setTimeout(5000)` (timers/promises), `new Promise((r) => setTimeout(r, 5000))`. */
function delayOf(e: ts.Expression, staticNumber: (e: ts.Expression) => number | undefined): number | undefined {
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    if (!name || !/^(?:sleep|delay|wait|pause|setTimeout|timeout)$/i.test(name)) return undefined;
    const arg = e.arguments.find((a) => !isFunctionLike(unwrap(a)));
    return arg ? staticNumber(arg) : undefined;
  }
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Promise') {
    const executor = e.arguments?.[0] && unwrap(e.arguments[0]);
    if (!executor || !isFunctionLike(executor)) return undefined;
    let ms: number | undefined;
    const visit = (n: ts.Node): void => {
      if (ms !== undefined) return;
      if (ts.isCallExpression(n) && calleeName(n) === 'setTimeout' && n.arguments[1]) ms = staticNumber(n.arguments[1]);
      else ts.forEachChild(n, visit);
    };
    visit(executor);
    return ms;
  }
  return undefined;
}

import vocabulary from '../../data/platform-terms.json';
import { ts } from '../ts';
import type { FileModel } from './file-model';
import { calleeName, isFunctionLike, propertyName, unwrap } from './syntax';

export type FollowAction = 'follow' | 'unfollow';

const FOLLOW_PATHS: ReadonlySet<string> = new Set(vocabulary.followActions.follow.paths);
const UNFOLLOW_PATHS: ReadonlySet<string> = new Set(vocabulary.followActions.unfollow.paths);
const FOLLOW_METHODS: ReadonlySet<string> = new Set(vocabulary.followActions.follow.methods);
const UNFOLLOW_METHODS: ReadonlySet<string> = new Set(vocabulary.followActions.unfollow.methods);
/** How many local function calls deep a timer's callback is followed. */
const MAX_HOPS = 3;

export interface FollowChurnTimer {
  timer: ts.CallExpression;
  interval: string;
  /** What the timer runs: `friendships/create`, `unfollow()` … */
  actions: string[];
}

/**
 * `setInterval(fn, ms)` (or a `setTimeout` that re-arms the function it is in) whose callback, directly or through
 * the file's functions, both follows and unfollows accounts; also through methods of the app's other modules that
 * do (`bot.mingle()` with `Bot.prototype.mingle` following in ./bot, learnt through the engine's hints).
 */
export function followChurnTimers(model: FileModel): FollowChurnTimer[] {
  const out: FollowChurnTimer[] = [];
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const name = calleeName(call);
    if (name !== 'setInterval' && name !== 'setTimeout') continue;
    const fn = callbackOf(model, call.arguments[0]);
    if (!fn?.body) continue;
    if (name === 'setTimeout' && !rearms(call, fn)) continue;
    const found = { follow: new Set<string>(), unfollow: new Set<string>() };
    collectActions(model, fn.body, found, 0, new Set());
    if (!found.follow.size || !found.unfollow.size) continue;
    out.push({ timer: call, interval: intervalText(model, call.arguments[1]), actions: [...found.follow, ...found.unfollow] });
  }
  return out;
}

function callbackOf(model: FileModel, arg: ts.Expression | undefined): ts.FunctionLikeDeclaration | undefined {
  if (!arg) return undefined;
  const e = unwrap(arg);
  if (isFunctionLike(e)) return e;
  return ts.isIdentifier(e) ? model.functionsByName.get(e.text) : undefined;
}

/** `function tick() { …; setTimeout(tick, ms) }`: the timer runs the function it is in. */
function rearms(call: ts.CallExpression, fn: ts.FunctionLikeDeclaration): boolean {
  for (let n: ts.Node | undefined = call.parent; n; n = n.parent) if (n === fn) return true;
  return false;
}

function collectActions(model: FileModel, body: ts.Node, found: { follow: Set<string>; unfollow: Set<string> }, hops: number, seen: Set<ts.Node>): void {
  const imported = model.hints.importedFollowActions ?? {};
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const first = n.arguments[0];
      const path = first && ts.isStringLiteralLike(first) ? first.text : undefined;
      const method = calleeName(n);
      const action = directAction(n) ?? (method && ts.isPropertyAccessExpression(n.expression) && Object.hasOwn(imported, method) ? imported[method] : undefined);
      if (action) found[action].add(path && (FOLLOW_PATHS.has(path) || UNFOLLOW_PATHS.has(path)) ? path : `${method}()`);
      else if (method && hops < MAX_HOPS && ts.isIdentifier(n.expression)) {
        const local = model.functionsByName.get(method);
        if (local?.body && !seen.has(local)) {
          seen.add(local);
          collectActions(model, local.body, found, hops + 1, seen);
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
}

function intervalText(model: FileModel, arg: ts.Expression | undefined): string {
  const s = arg ? model.values.string(arg) : undefined;
  const ms = s?.exact ? Number(s.text) : NaN;
  if (!Number.isFinite(ms)) return 'a repeating timer';
  return ms >= 1000 ? `every ${Math.round(ms / 100) / 10} s` : `every ${ms} ms`;
}

/** `T.post('friendships/create', …)`, `client.follow(id)`: a call that follows or unfollows by itself. */
function directAction(call: ts.CallExpression): FollowAction | undefined {
  const first = call.arguments[0];
  if (first && ts.isStringLiteralLike(first)) {
    if (FOLLOW_PATHS.has(first.text)) return 'follow';
    if (UNFOLLOW_PATHS.has(first.text)) return 'unfollow';
  }
  const method = calleeName(call);
  if (method && FOLLOW_METHODS.has(method)) return 'follow';
  if (method && UNFOLLOW_METHODS.has(method)) return 'unfollow';
  return undefined;
}

/**
 * The file's named functions and methods that follow or unfollow (`Bot.prototype.mingle = function …` posting
 * `friendships/create` from a callback): name → action, for the modules that import this one.
 */
export function followActionsByFunction(model: FileModel): Record<string, FollowAction> {
  const out: Record<string, FollowAction> = {};
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const action = directAction(call);
    if (!action) continue;
    const name = enclosingFunctionName(call);
    if (name && !Object.hasOwn(out, name)) out[name] = action;
  }
  return out;
}

/** The name of the nearest enclosing function that has one; callbacks passed to calls are climbed through. */
function enclosingFunctionName(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (!isFunctionLike(n)) continue;
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return propertyName(n.name);
    const p = n.parent;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    if (ts.isPropertyAssignment(p)) return propertyName(p.name);
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left)) return p.left.name.text;
    if (!ts.isCallExpression(p)) return undefined;
  }
  return undefined;
}

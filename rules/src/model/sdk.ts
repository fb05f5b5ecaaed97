import { ts } from '../ts';
import { accessChain, boundNames, calleeName, isFunctionLike, propertyName, unwrap } from './syntax';
import { EVENTS } from '../data';
import { hostOf, isApiHost } from './hosts';
import { sends } from './sinks';
import type { ValueResolver } from './values';
import type { ValueTracker } from './tracking/tracker';
import { holds } from './tracking/abstract-value';
import { isHarmlessCall } from './tracking/escapes';

/** How a function is tied to the SDK: a webhook handler, an `ask` callback, a module factory … */
export interface HandlerInfo {
  fn: ts.FunctionLikeDeclaration;
  via: 'on' | 'onText' | 'onAny' | 'ask' | 'registerCallback' | 'conversation' | 'module';
  /** The event names the handler is registered for (statically known ones). */
  events: string[];
  registration: ts.CallExpression;
}

export type SdkCallKind =
  | 'resource' // bot.contacts.list(...)
  | 'send' // bot.send(conv, msg) / ctx.say(msg) / ctx.ask(q)
  | 'command' // ctx.accept() / join / leave / assign / notify / set
  | 'subscribe' // bot.on(event, …)
  | 'conversation' // bot.conversation(id)
  | 'webhook' // bot.start() / router() / ingest() / httpMiddleware()
  | 'module'; // bot.module(fn)

export interface SdkCall {
  call: ts.CallExpression;
  kind: SdkCallKind;
  /** Resource and method for `resource` calls; the action for commands; the method for others. */
  resource?: string;
  method: string;
  /** The message argument of a send (object literal, string, array …). */
  message?: ts.Expression;
  /** True when sent through a conversation context (say/ask) rather than bot.send(conv, …). */
  viaContext?: boolean;
  events?: string[];
}

const SDK_INTERNAL_EVENTS = new Set(EVENTS.sdkInternal);
const RESOURCE_METHODS = new Set(['list', 'get', 'create', 'update', 'delete', 'replace']);
const CONTEXT_COMMANDS = new Set(['accept', 'join', 'leave', 'assign', 'notify', 'set']);
const WEBHOOK_METHODS = new Set(['start', 'router', 'ingest', 'httpMiddleware']);

/**
 * Recognises the chipchat SDK in one file: which names hold the constructor, which expressions are
 * instances, which functions are handlers and what their parameters mean.
 */
function requireLike(call: ts.CallExpression | ts.NewExpression): boolean {
  const e = call.expression;
  return (ts.isIdentifier(e) && e.text === 'require') || e.kind === ts.SyntaxKind.ImportKeyword;
}

/** The callee as a reader would name it: `loadModules`, `plugins.install`, `new Plugin`. */
function calleeText(call: ts.CallExpression | ts.NewExpression, sourceFile: ts.SourceFile): string {
  const chain = accessChain(call.expression);
  const text = call.expression.getText(sourceFile).replace(/\s+/g, ' ');
  const name = chain ? chain.join('.') : (calleeName(call) ?? (text.length > 60 ? text.slice(0, 57) + '…' : text));
  return ts.isNewExpression(call) ? `new ${name}` : name;
}

export class SdkModel {
  readonly constructors = new Set<string>();
  readonly instanceNames = new Set<string>();
  /** `this.bot = new ChipChat()` / `app.bot = …`: any `x.bot` counts. */
  readonly instanceProps = new Set<string>();
  readonly contextNames = new Set<string>();
  readonly messageNames = new Set<string>();
  /** Destructured context actions: `({ say }) => say('…')`. */
  readonly contextActionNames = new Set<string>();
  readonly handlers = new Map<ts.Node, HandlerInfo>();
  /**
   * The nearest handler at or above each node a lookup climbed through: a climb from every send to the root
   * is quadratic in a long `.then(…)` chain. Emptied whenever a handler is bound.
   */
  private readonly handlerAt = new Map<ts.Node, HandlerInfo | null>();
  readonly calls: SdkCall[] = [];
  /** Relative module specifiers passed to `bot.module(require('./x'))` / `bot.module(x)`. */
  readonly moduleSpecifiers: string[] = [];
  /** Calls handing an instance to a function imported from another module: `scheduleReminders(bot)`. */
  readonly instancePassedToImports: { spec: string; exportName: string; argIndex: number }[] = [];
  /** Local name → the module and export it was imported as (`const { f } = require('./x')`). */
  importedFunctions = new Map<string, { spec: string; exportName: string }>();
  /** Where an instance leaves what this model can follow (see FileFacts.evidenceLost). */
  readonly escapes: { node: ts.Node; what: string }[] = [];
  importsSdk = false;

  constructor(
    private readonly sdkModules: readonly string[],
    private readonly values: ValueResolver,
    private readonly functionsByName: Map<string, ts.FunctionLikeDeclaration>,
    private readonly requireBindings: Map<string, string>,
    private readonly tracker: ValueTracker,
  ) {}

  /** Destructured context actions by declaration: `({ say }) => say('…')`. */
  private readonly contextActionDecls = new Set<ts.Node>();
  private seeds = 0;

  isSdkSpecifier(spec: string): boolean {
    return this.sdkModules.some((m) => spec === m || spec.startsWith(m + '/'));
  }

  /** Call once per `require(...)`/import seen, in document order. */
  noteImport(spec: string, binding: ts.BindingName | undefined, defaultName?: string): void {
    if (!this.isSdkSpecifier(spec)) return;
    this.importsSdk = true;
    if (defaultName) this.constructors.add(defaultName);
    if (binding) for (const n of boundNames(binding)) this.constructors.add(n);
  }

  noteNew(node: ts.NewExpression): void {
    const e = unwrap(node.expression);
    let isSdk = false;
    if (ts.isIdentifier(e) && this.constructors.has(e.text)) isSdk = true;
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && this.constructors.has(e.expression.text)) isSdk = true;
    // new (require('chipchat'))(…)
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require') {
      const arg = e.arguments[0];
      if (arg && ts.isStringLiteralLike(arg) && this.isSdkSpecifier(arg.text)) isSdk = true;
    }
    if (!isSdk) return;
    this.bindInstance(node);
  }

  private bindInstance(node: ts.Expression): void {
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) this.instanceNames.add(parent.name.text);
    else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const chain = accessChain(parent.left);
      if (chain && chain.length === 1) this.instanceNames.add(chain[0]!);
      else if (chain) this.instanceProps.add(chain[chain.length - 1]!);
    } else if (ts.isPropertyAssignment(parent)) {
      const n = propertyName(parent.name);
      if (n) this.instanceProps.add(n);
    }
  }

  /** A module factory's first parameter is an instance (`module.exports = (bot, opts) => …`). */
  noteModuleFactory(fn: ts.FunctionLikeDeclaration): void {
    const first = fn.parameters[0];
    if (first && ts.isIdentifier(first.name)) this.instanceNames.add(first.name.text);
    if (first) this.seed(first, 'sdk');
    this.handlers.set(fn, { fn, via: 'module', events: [], registration: fn as unknown as ts.CallExpression });
    this.handlerAt.clear();
  }

  /** Whether the expression can hold an SDK instance (the value tracker's answer). */
  isInstance(node: ts.Expression): boolean {
    const e = unwrap(node);
    const values = this.tracker.valuesOf(e);
    if (holds(values, 'sdk')) return true;
    // `app.bot = new ChipChat()` on an object the tracker cannot see (a framework's `app`): `x.bot` elsewhere
    if (ts.isPropertyAccessExpression(e) && values.length === 0 && this.instanceProps.has(e.name.text)) return this.tracker.valuesOf(e.expression).length === 0;
    return false;
  }

  isContext(node: ts.Expression): boolean {
    return holds(this.tracker.valuesOf(node), 'context') !== undefined;
  }

  private seed(decl: ts.Node, kind: 'sdk' | 'context'): void {
    const before = this.tracker.seeded(decl).length;
    this.tracker.seed(decl, { kind });
    if (this.tracker.seeded(decl).length !== before) this.seeds++;
  }

  /** Examines one call expression, in document order. */
  /** Whether anything in the file can be an SDK instance (else no call needs classifying). */
  mayHaveInstances(): boolean {
    return this.constructors.size > 0 || this.instanceNames.size > 0 || this.instanceProps.size > 0 || this.seeds > 0 || this.importsSdk;
  }

  /** What the passes have bound so far; equal before and after a pass means nothing new was learnt. */
  bindingSignature(): string {
    return `${this.instanceNames.size}/${this.instanceProps.size}/${this.contextNames.size}/${this.messageNames.size}/${this.contextActionNames.size}/${this.handlers.size}/${this.seeds}`;
  }

  /** A function whose parameter at `index` receives an instance: that parameter is an instance inside it. */
  noteInstanceParam(fn: ts.FunctionLikeDeclaration, index: number): void {
    const p = fn.parameters[index];
    if (p && ts.isIdentifier(p.name)) this.instanceNames.add(p.name.text);
    if (p) this.seed(p, 'sdk');
  }

  /**
   * An instance (or a Web1on1 API client) handed to a function: a function of this file gets it through its
   * parameter (the tracker binds call sites), an imported one learns it through the project index, a harmless
   * one (a logger, JSON.stringify …) does nothing with it; anything else is where the evidence is lost.
   */
  noteArguments(call: ts.CallExpression | ts.NewExpression): void {
    const args = call.arguments ?? [];
    if (!args.length || requireLike(call)) return;
    const idx = this.instanceArgument(args);
    if (idx < 0) return;
    const what = idx >= args.length ? 'the Web1on1 API client' : 'the SDK instance';
    const index = idx % args.length;
    if (this.tracker.calleesOf(call).length) return;
    const callee = unwrap(call.expression);
    // another module learns an SDK instance through the hints; an API client it is given stays out of sight
    const sdkGiven = idx < args.length;
    if (sdkGiven && ts.isIdentifier(callee)) {
      const imported = this.importedFunctions.get(callee.text);
      if (imported && imported.spec.startsWith('.')) return this.pushPassed(imported.spec, imported.exportName, index);
    } else if (sdkGiven && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      const spec = this.requireBindings.get(callee.expression.text);
      if (spec?.startsWith('.')) return this.pushPassed(spec, callee.name.text, index);
    }
    // the instance calling itself (`bot.use(…)`, `bot.send.bind(bot)`) keeps it in sight
    if (ts.isPropertyAccessExpression(callee) && this.rootedAtInstance(callee.expression)) return;
    if (isHarmlessCall(call)) return;
    if (this.escapes.some((e) => e.node === call)) return;
    const name = calleeText(call, this.tracker.sourceFile);
    this.escapes.push({ node: call, what: `${what} is passed to \`${name}\`, which Policy Lens cannot follow` });
  }

  private rootedAtInstance(expr: ts.Expression): boolean {
    let cur = unwrap(expr);
    for (let i = 0; i < 8; i++) {
      if (this.isInstance(cur) || this.isContext(cur)) return true;
      if (ts.isPropertyAccessExpression(cur) || ts.isCallExpression(cur)) cur = unwrap(cur.expression);
      else return false;
    }
    return false;
  }

  /** `install({ bot, prefix })`: an object literal carrying the instance hands it over too. */
  private objectHoldsInstance(arg: ts.Expression): boolean {
    const e = unwrap(arg);
    if (!ts.isObjectLiteralExpression(e)) return false;
    return e.properties.some((p) => (ts.isPropertyAssignment(p) && this.isInstance(p.initializer)) || (ts.isShorthandPropertyAssignment(p) && this.isInstance(p.name)) || (ts.isSpreadAssignment(p) && this.isInstance(p.expression)));
  }

  /** The index of the argument that holds an instance; past the end (index + length) for a Web1on1 API client. */
  private instanceArgument(args: readonly ts.Expression[]): number {
    for (let i = 0; i < args.length; i++) if (this.isInstance(args[i]!) || this.objectHoldsInstance(args[i]!)) return i;
    for (let i = 0; i < args.length; i++) {
      const http = holds(this.tracker.valuesOf(args[i]!), 'http');
      if (http?.made && http.baseUrl && isApiHost(hostOf(http.baseUrl) ?? '')) return i + args.length;
    }
    return -1;
  }

  /** The instance is handed to `exportName` of the module at `spec` (an argument at `argIndex`). */
  notePassedToImport(spec: string, exportName: string, argIndex: number): void {
    this.pushPassed(spec, exportName, argIndex);
  }

  private pushPassed(spec: string, exportName: string, argIndex: number): void {
    if (!spec.startsWith('.')) return;
    if (!this.instancePassedToImports.some((p) => p.spec === spec && p.exportName === exportName && p.argIndex === argIndex)) this.instancePassedToImports.push({ spec, exportName, argIndex });
  }

  noteCall(call: ts.CallExpression): void {
    const callee = unwrap(call.expression);
    this.noteArguments(call);
    if (ts.isIdentifier(callee) && this.contextActionDecls.has(this.tracker.declarationOf(callee) ?? callee)) {
      this.recordContextCall(call, callee.text);
      return;
    }
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    const target = callee.expression;

    // bot.<resource>.<method>(…), also through a resource held elsewhere (`const { contacts } = bot`)
    if (RESOURCE_METHODS.has(method)) {
      const resource = ts.isPropertyAccessExpression(target) && this.isInstance(target.expression) ? target.name.text : holds(this.tracker.valuesOf(target), 'sdk-resource')?.resource;
      if (resource) {
        this.calls.push({ call, kind: 'resource', resource, method });
        return;
      }
    }
    if (this.isInstance(target)) {
      this.recordInstanceCall(call, method);
      return;
    }
    // `bot.conversation(id)` is a context too, but its `.then(conv => …)` binds a handler (below)
    if (this.isContext(target) && method !== 'then') {
      this.recordContextCall(call, method);
      return;
    }
    // bot.conversation(id).then(conv => …)
    if (method === 'then' && ts.isCallExpression(unwrap(target))) {
      const inner = unwrap(target) as ts.CallExpression;
      if (ts.isPropertyAccessExpression(inner.expression) && inner.expression.name.text === 'conversation' && this.isInstance(inner.expression.expression)) {
        const fn = this.functionOf(call.arguments[0]);
        if (fn) this.bindHandler(fn, { fn, via: 'conversation', events: [], registration: call }, 0);
      }
    }
  }

  private recordInstanceCall(call: ts.CallExpression, method: string): void {
    const args = call.arguments;
    if (sends.isSdkMethod(method)) {
      this.calls.push({ call, kind: 'send', method, message: args[1] });
      return;
    }
    switch (method) {
      case 'on':
      case 'once':
      case 'onText': {
        const events = method === 'onText' ? ['message'] : this.eventNames(args[0]);
        if (method !== 'onText') this.calls.push({ call, kind: 'subscribe', method, events });
        const fn = this.functionOf(args[args.length - 1]);
        if (fn) this.bindHandler(fn, { fn, via: method === 'onText' ? 'onText' : 'on', events, registration: call }, 0);
        return;
      }
      case 'onAny': {
        const fn = this.functionOf(args[0]);
        if (fn) this.bindHandler(fn, { fn, via: 'onAny', events: ['*'], registration: call }, 1);
        this.calls.push({ call, kind: 'subscribe', method, events: ['*'] });
        return;
      }
      case 'registerCallback': {
        const fn = this.functionOf(args[1]);
        if (fn) this.bindHandler(fn, { fn, via: 'registerCallback', events: ['message'], registration: call }, 0);
        return;
      }
      case 'conversation': {
        this.calls.push({ call, kind: 'conversation', method });
        const fn = this.functionOf(args[1]);
        if (fn) this.bindHandler(fn, { fn, via: 'conversation', events: [], registration: call }, 1);
        this.bindAwaitedContext(call);
        return;
      }
      case 'module': {
        this.calls.push({ call, kind: 'module', method });
        const arg = args[0] ? unwrap(args[0]) : undefined;
        const fn = this.functionOf(arg);
        if (fn) this.noteModuleFactory(fn);
        else if (arg && ts.isCallExpression(arg) && ts.isIdentifier(arg.expression) && arg.expression.text === 'require' && arg.arguments[0] && ts.isStringLiteralLike(arg.arguments[0])) {
          this.moduleSpecifiers.push(arg.arguments[0].text);
        } else if (arg && ts.isIdentifier(arg) && this.requireBindings.has(arg.text)) {
          this.moduleSpecifiers.push(this.requireBindings.get(arg.text)!);
        }
        return;
      }
      default:
        if (WEBHOOK_METHODS.has(method)) this.calls.push({ call, kind: 'webhook', method });
    }
  }

  private recordContextCall(call: ts.CallExpression, method: string): void {
    if (sends.isContextMethod(method)) {
      this.calls.push({ call, kind: 'send', method, message: call.arguments[0], viaContext: true });
      if (method === 'ask') {
        const fn = this.functionOf(call.arguments[1]);
        if (fn) this.bindHandler(fn, { fn, via: 'ask', events: ['message'], registration: call }, 0);
      }
    } else if (CONTEXT_COMMANDS.has(method)) {
      this.calls.push({ call, kind: 'command', method, resource: 'conversations' });
    }
  }

  /** `const conv = await bot.conversation(id)` binds `conv` as a context. */
  private bindAwaitedContext(call: ts.CallExpression): void {
    let p: ts.Node = call.parent;
    if (ts.isAwaitExpression(p)) p = p.parent;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) this.contextNames.add(p.name.text);
  }

  private bindHandler(fn: ts.FunctionLikeDeclaration, info: HandlerInfo, firstIndex: number): void {
    const prev = this.handlers.get(fn);
    if (prev) prev.events.push(...info.events);
    else this.handlers.set(fn, info);
    this.handlerAt.clear();
    // `error`, `ready`, `token` handlers get SDK internals, not webhook payloads
    if (info.events.length && info.events.every((e) => SDK_INTERNAL_EVENTS.has(e))) return;
    const params = fn.parameters;
    const msg = info.via === 'conversation' ? undefined : params[firstIndex];
    const ctx = info.via === 'conversation' ? params[firstIndex] : params[firstIndex + 1];
    if (msg && ts.isIdentifier(msg.name)) this.messageNames.add(msg.name.text);
    if (ctx) {
      if (ts.isIdentifier(ctx.name)) {
        this.contextNames.add(ctx.name.text);
        this.seed(ctx, 'context');
      } else if (ts.isObjectBindingPattern(ctx.name)) {
        for (const el of ctx.name.elements) {
          const key = el.propertyName ? propertyName(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
          if (key && (sends.isContextMethod(key) || CONTEXT_COMMANDS.has(key)) && ts.isIdentifier(el.name)) {
            this.contextActionNames.add(el.name.text);
            if (!this.contextActionDecls.has(el)) this.seeds++;
            this.contextActionDecls.add(el);
          }
        }
      }
    }
  }

  functionOf(node: ts.Expression | undefined): ts.FunctionLikeDeclaration | undefined {
    if (!node) return undefined;
    const e = unwrap(node);
    if (isFunctionLike(e)) return e;
    for (const v of this.tracker.valuesOf(e)) if (v.kind === 'function') return v.fn;
    if (ts.isIdentifier(e) && !this.tracker.declarationOf(e)) return this.functionsByName.get(e.text);
    return undefined;
  }

  eventNames(node: ts.Expression | undefined): string[] {
    if (!node) return [];
    const arr = this.values.arrayLiteral(node);
    const items = arr ? [...arr.elements] : [node];
    const out: string[] = [];
    for (const item of items) {
      const s = this.values.string(item as ts.Expression);
      if (s && s.exact) out.push(s.text);
    }
    return out;
  }

  /** The nearest enclosing SDK handler of a node, if any. */
  handlerOf(node: ts.Node): HandlerInfo | undefined {
    const climbed: ts.Node[] = [];
    let found: HandlerInfo | null = null;
    for (let cur: ts.Node | undefined = node.parent; cur; cur = cur.parent) {
      const known = this.handlerAt.get(cur);
      if (known !== undefined) {
        found = known;
        break;
      }
      climbed.push(cur);
      // every handler is a function: the other ancestors need no lookup
      const h = isFunctionLike(cur) ? this.handlers.get(cur) : undefined;
      if (h) {
        found = h;
        break;
      }
    }
    for (const n of climbed) this.handlerAt.set(n, found);
    return found ?? undefined;
  }

  calleeIsSdk(call: ts.CallExpression): boolean {
    return calleeName(call) !== undefined && this.calls.some((c) => c.call === call);
  }
}

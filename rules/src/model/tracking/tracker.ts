import { ts } from '../../ts';
import { OverBudget } from '../../budget';
import { isFunctionLike, objectProperty, propertyName, unwrap } from '../syntax';
import type { ExpressionSource, ValueResolver } from '../values';
import type { HttpClientKind } from '../http';
import { holds, join, type AbstractValue } from './abstract-value';
import { Declarations, type Declaration } from './declarations';

/** What the model tells the tracker about modules and about its neighbours. */
export interface TrackerOptions {
  isSdkSpecifier: (spec: string) => boolean;
  httpModule: (spec: string) => HttpClientKind | undefined;
  /** Local names bound to HTTP clients made in another module of the app, with their base URL. */
  importedHttpClients?: Record<string, string>;
  /** Local names bound to SDK instances made in another module of the app. */
  importedSdkInstances?: readonly string[];
}

const RESOURCE_METHODS = new Set(['list', 'get', 'create', 'update', 'delete', 'replace']);
/** Instance methods that return the instance (chained `bot.on(…).on(…)`). */
const CHAINING_METHODS = new Set(['on', 'once', 'use', 'onText', 'onAny', 'module', 'start', 'mixin']);
const SDK_EXPORTS = new Set(['default', 'ChipChat', 'Bot']);
const MAX_DEPTH = 24;
/** The clock is read every 4096 steps (a mask). */
const STEPS_PER_CLOCK_CHECK = 4095;
/** Memo keys of `x.p = …` reads, apart from the members of the same node. */
const ASSIGNED_PREFIX = '\u0001';

type Callable = ts.FunctionLikeDeclaration;

/**
 * The value-tracking layer: answers "what can this expression hold?" for one file, following values through
 * constants and variables (every assignment counts), destructuring, object properties and spreads, class
 * fields and constructor parameters, function parameters (bound at the file's call sites) and return values.
 * Facts are keyed by declaration. Built once per file model; `reset()` forgets answers when the SDK model
 * seeds new facts (a handler's context, a hinted parameter) so the next pass sees them.
 */
export class ValueTracker implements ExpressionSource {
  readonly declarations: Declarations;
  private readonly seeds = new Map<ts.Node, AbstractValue[]>();
  private readonly memo = new Map<ts.Node, AbstractValue[]>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly members = new Map<ts.Node, Map<string, AbstractValue[]>>();
  private readonly membersInProgress = new Map<ts.Node, Set<string>>();
  /** `x = v` by the declaration of x; `x.p = v` by declaration and property; `this.p = v` by class and property. */
  private readonly assigned = new Map<Declaration, ts.Expression[]>();
  private readonly propAssigned = new Map<ts.Node, Map<string, ts.Expression[]>>();
  private readonly returns = new Map<Callable, ts.Expression[]>();
  private callSites: Map<ts.Node, (ts.CallExpression | ts.NewExpression)[]> | undefined;
  /** While the file model is being built: the time after which the work gives up (OverBudget). */
  deadline: { at: number; ms: number; now: () => number } | undefined;
  private steps = 0;
  private indexed = false;

  constructor(
    readonly sourceFile: ts.SourceFile,
    private readonly nodes: <T extends ts.Node>(kind: ts.SyntaxKind) => T[],
    private readonly strings: ValueResolver,
    private readonly options: TrackerOptions,
  ) {
    this.declarations = new Declarations(sourceFile);
  }

  /**
   * Declarations, assignments and returns are indexed on the first question: most files (no SDK, no HTTP
   * client, no string a rule resolves through a name) never ask one.
   */
  private ensureIndexed(): void {
    if (this.indexed) return;
    this.indexed = true;
    const nodes = this.nodes;
    const d = this.declarations;
    for (const v of nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration)) d.add(v);
    for (const p of nodes<ts.ParameterDeclaration>(ts.SyntaxKind.Parameter)) d.add(p);
    for (const f of nodes<ts.FunctionDeclaration>(ts.SyntaxKind.FunctionDeclaration)) d.add(f);
    for (const f of nodes<ts.FunctionExpression>(ts.SyntaxKind.FunctionExpression)) d.add(f);
    for (const c of nodes<ts.ClassDeclaration>(ts.SyntaxKind.ClassDeclaration)) d.add(c);
    for (const imp of nodes<ts.ImportDeclaration>(ts.SyntaxKind.ImportDeclaration)) {
      const clause = imp.importClause;
      if (!clause) continue;
      d.add(clause);
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) d.add(nb);
      else if (nb) for (const el of nb.elements) d.add(el);
    }
    for (const b of nodes<ts.BinaryExpression>(ts.SyntaxKind.BinaryExpression)) if (b.operatorToken.kind === ts.SyntaxKind.EqualsToken) this.noteAssignment(b);
    for (const r of nodes<ts.ReturnStatement>(ts.SyntaxKind.ReturnStatement)) {
      const fn = this.functionOf(r);
      if (fn && r.expression) push(this.returns, fn, r.expression);
    }
  }

  /** Facts the SDK model knows that no expression shows (a handler's context parameter, a hinted instance). */
  seed(decl: ts.Node, value: AbstractValue): void {
    const list = this.seeds.get(decl) ?? [];
    const before = list.length;
    join(list, [value]);
    if (list.length !== before) {
      this.seeds.set(decl, list);
      this.reset();
    }
  }

  seeded(decl: ts.Node): readonly AbstractValue[] {
    return this.seeds.get(decl) ?? [];
  }

  /** Forgets every answer (the seeds stay). */
  reset(): void {
    this.memo.clear();
    this.members.clear();
  }

  /** What `expr` can hold (empty: unknown). */
  valuesOf(expr: ts.Expression | undefined, depth = 0): AbstractValue[] {
    if (!expr || depth > MAX_DEPTH) return [];
    this.ensureIndexed();
    if (this.deadline && (++this.steps & STEPS_PER_CLOCK_CHECK) === 0 && this.deadline.now() > this.deadline.at) throw new OverBudget(this.deadline.ms);
    const e = unwrap(expr);
    switch (e.kind) {
      case ts.SyntaxKind.Identifier:
        return this.identifierValues(e as ts.Identifier, depth);
      case ts.SyntaxKind.ThisKeyword:
        return this.thisValues(e, depth);
      case ts.SyntaxKind.PropertyAccessExpression: {
        const p = e as ts.PropertyAccessExpression;
        return this.memberValues(p.expression, p.name.text, depth);
      }
      case ts.SyntaxKind.ElementAccessExpression: {
        const el = e as ts.ElementAccessExpression;
        if (ts.isStringLiteralLike(el.argumentExpression)) return this.memberValues(el.expression, el.argumentExpression.text, depth);
        // `conversations[0]` of a list read is one of what the read returned
        return this.valuesOf(el.expression, depth + 1).filter((v) => v.kind === 'sdk-result');
      }
      case ts.SyntaxKind.CallExpression:
        return this.callValues(e as ts.CallExpression, depth);
      case ts.SyntaxKind.NewExpression:
        return this.newValues(e as ts.NewExpression, depth);
      case ts.SyntaxKind.ObjectLiteralExpression:
        return [{ kind: 'object', node: e as ts.ObjectLiteralExpression }];
      case ts.SyntaxKind.ClassExpression:
        return [{ kind: 'class', cls: e as ts.ClassExpression }];
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression:
        return [{ kind: 'function', fn: e as Callable }];
      case ts.SyntaxKind.ConditionalExpression: {
        const c = e as ts.ConditionalExpression;
        return join(this.valuesOf(c.whenTrue, depth + 1), this.valuesOf(c.whenFalse, depth + 1));
      }
      case ts.SyntaxKind.BinaryExpression: {
        const b = e as ts.BinaryExpression;
        const op = b.operatorToken.kind;
        if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.AmpersandAmpersandToken) return join(this.valuesOf(b.left, depth + 1), this.valuesOf(b.right, depth + 1));
        if (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.CommaToken) return this.valuesOf(b.right, depth + 1);
        return [];
      }
      default:
        return [];
    }
  }

  /** The declaration a name refers to at its place (undefined: a global). */
  declarationOf(id: ts.Identifier): Declaration | undefined {
    this.ensureIndexed();
    return this.declarations.declarationOf(id);
  }

  /** What a declaration holds: its initialiser, every assignment, or for a parameter every argument it gets. */
  declarationValues(decl: ts.Node, depth = 0): AbstractValue[] {
    const known = this.memo.get(decl);
    if (known) return known;
    if (this.inProgress.has(decl) || depth > MAX_DEPTH) return [...(this.seeds.get(decl) ?? [])];
    this.inProgress.add(decl);
    const out: AbstractValue[] = [...(this.seeds.get(decl) ?? [])];
    try {
      this.computeDeclaration(decl, out, depth + 1);
    } finally {
      this.inProgress.delete(decl);
    }
    this.memo.set(decl, out);
    return out;
  }

  /** The functions a call may run (a local function, a method of a local class, a constructor). */
  calleesOf(call: ts.CallExpression | ts.NewExpression): Callable[] {
    const out: Callable[] = [];
    for (const v of this.valuesOf(call.expression)) {
      if (v.kind === 'function') out.push(v.fn);
      if (v.kind === 'class' && ts.isNewExpression(call)) {
        const ctor = constructorOf(v.cls);
        if (ctor) out.push(ctor);
      }
    }
    return out;
  }

  /** Calls of this file that run `fn` (resolved syntactically, before any value is known). */
  callSitesOf(fn: ts.Node): readonly (ts.CallExpression | ts.NewExpression)[] {
    return this.indexCallSites().get(fn) ?? [];
  }

  /** The expressions a name can hold at its place (undefined: no declaration in this file). */
  candidates(id: ts.Identifier, bindings: ReadonlyMap<ts.Node, ts.Expression>): ts.Expression[] | undefined {
    const d = this.declarationOf(id);
    if (!d) return undefined;
    if (ts.isVariableDeclaration(d)) return [...(d.initializer ? [d.initializer] : []), ...(this.assigned.get(d) ?? [])];
    if (ts.isParameter(d)) return this.argumentsOf(d, bindings);
    // an import is another module's value: the project index may know it (ValueResolver's imported constants)
    if (ts.isImportClause(d) || ts.isImportSpecifier(d) || ts.isNamespaceImport(d)) return undefined;
    return [];
  }

  /** The expressions `this.name` can hold: field initialisers, assignments in the class, parameter properties. */
  memberCandidates(access: ts.PropertyAccessExpression, bindings: ReadonlyMap<ts.Node, ts.Expression>): ts.Expression[] | undefined {
    const cls = access.expression.kind === ts.SyntaxKind.ThisKeyword ? this.classOfThis(access.expression) : undefined;
    if (!cls) return undefined;
    this.ensureIndexed();
    const name = access.name.text;
    const out: ts.Expression[] = [];
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && m.name && propertyName(m.name) === name && m.initializer) out.push(m.initializer);
      if (ts.isConstructorDeclaration(m)) {
        for (const p of m.parameters) if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.length) out.push(...this.argumentsOf(p, bindings));
      }
    }
    out.push(...(this.propAssigned.get(cls)?.get(name) ?? []));
    return out;
  }

  /** What a parameter gets: its binding, else the argument at every call site (or its default). */
  private argumentsOf(param: ts.ParameterDeclaration, bindings: ReadonlyMap<ts.Node, ts.Expression>): ts.Expression[] {
    const bound = bindings.get(param);
    if (bound) return [bound];
    if (param.dotDotDotToken) return [];
    const index = param.parent.parameters.indexOf(param);
    const out: ts.Expression[] = [];
    for (const site of this.callSitesOf(param.parent)) {
      const arg = site.arguments?.[index];
      if (arg && !ts.isSpreadElement(arg)) out.push(arg);
      else if (param.initializer) out.push(param.initializer);
      else return [];
    }
    return out;
  }

  /** The enclosing function of a node (arrows included). */
  functionOf(node: ts.Node): Callable | undefined {
    for (let s = this.declarations.scopeOf(node); s; s = s.parent ? this.declarations.scopeOf(s) : undefined) {
      if (isFunctionLike(s) || ts.isConstructorDeclaration(s) || ts.isGetAccessor(s) || ts.isSetAccessor(s)) return s as Callable;
    }
    return undefined;
  }

  private identifierValues(id: ts.Identifier, depth: number): AbstractValue[] {
    const decl = this.declarationOf(id);
    if (decl) return this.declarationValues(decl, depth);
    if (id.text === 'fetch') return [{ kind: 'http', client: 'fetch', made: false }];
    if (this.options.importedSdkInstances?.includes(id.text)) return [{ kind: 'sdk' }];
    return [];
  }

  private computeDeclaration(decl: ts.Node, out: AbstractValue[], depth: number): void {
    if (ts.isVariableDeclaration(decl)) {
      if (decl.initializer) join(out, this.valuesOf(decl.initializer, depth));
      for (const a of this.assigned.get(decl) ?? []) join(out, this.valuesOf(a, depth));
      this.importedValues(decl, out);
      // `for (const conv of await bot.conversations.list())`: each item is one of what the read returned
      const loop = decl.parent.parent;
      if (loop && ts.isForOfStatement(loop)) join(out, this.valuesOf(loop.expression, depth).filter((v) => v.kind === 'sdk-result'));
    } else if (ts.isBindingElement(decl)) {
      const key = decl.propertyName ? propertyName(decl.propertyName) : ts.isIdentifier(decl.name) ? decl.name.text : undefined;
      const pattern = decl.parent;
      if (key && ts.isObjectBindingPattern(pattern)) join(out, this.membersOf(this.patternSource(pattern, depth), key, undefined, depth));
      if (decl.initializer) join(out, this.valuesOf(decl.initializer, depth));
      if (ts.isIdentifier(decl.name) && ts.isVariableDeclaration(pattern.parent)) this.importedValues(pattern.parent, out, decl.name.text);
      if (ts.isIdentifier(decl.name)) for (const a of this.assigned.get(decl) ?? []) join(out, this.valuesOf(a, depth));
    } else if (ts.isParameter(decl)) {
      this.parameterValues(decl, out, depth);
    } else if (ts.isFunctionDeclaration(decl) || ts.isFunctionExpression(decl)) {
      out.push({ kind: 'function', fn: decl });
    } else if (ts.isClassDeclaration(decl) || ts.isClassExpression(decl)) {
      out.push({ kind: 'class', cls: decl });
    } else if (ts.isImportClause(decl) || ts.isImportSpecifier(decl) || ts.isNamespaceImport(decl)) {
      this.importBindingValues(decl, out);
    }
  }

  /** What the value a pattern destructures can hold. */
  private patternSource(pattern: ts.BindingPattern, depth: number): AbstractValue[] {
    const owner = pattern.parent;
    if (ts.isVariableDeclaration(owner)) return owner.initializer ? this.valuesOf(owner.initializer, depth) : [];
    if (ts.isParameter(owner)) {
      const out: AbstractValue[] = [];
      this.parameterValues(owner, out, depth);
      return out;
    }
    if (ts.isBindingElement(owner)) return this.declarationValues(owner, depth);
    return [];
  }

  private parameterValues(param: ts.ParameterDeclaration, out: AbstractValue[], depth: number): void {
    const fn = param.parent;
    const index = fn.parameters.indexOf(param);
    if (param.initializer) join(out, this.valuesOf(param.initializer, depth));
    // `bot: ChipChat`: a TypeScript annotation naming the SDK class says it all
    const type = param.type;
    if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const d = this.declarationOf(type.typeName);
      if (d && holds(this.declarationValues(d, depth), 'sdk-module')) join(out, [{ kind: 'sdk' }]);
    }
    if (param.dotDotDotToken) return;
    for (const site of this.callSitesOf(fn)) {
      const arg = site.arguments?.[index];
      if (arg && !ts.isSpreadElement(arg)) join(out, this.valuesOf(arg, depth));
    }
    // `promise.then(value => …)`: the callback gets what the promise resolves to
    const call = fn.parent;
    if (index === 0 && call && ts.isCallExpression(call) && call.arguments[0] === fn && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'then') {
      join(out, this.valuesOf(call.expression.expression, depth));
    }
  }

  private importBindingValues(decl: ts.ImportClause | ts.ImportSpecifier | ts.NamespaceImport, out: AbstractValue[]): void {
    let imp: ts.Node = decl;
    while (imp && !ts.isImportDeclaration(imp)) imp = imp.parent;
    if (!imp || !ts.isStringLiteral((imp as ts.ImportDeclaration).moduleSpecifier)) return;
    const spec = ((imp as ts.ImportDeclaration).moduleSpecifier as ts.StringLiteral).text;
    const imported = ts.isImportSpecifier(decl) ? (decl.propertyName ?? decl.name).text : 'default';
    const local = ts.isImportClause(decl) ? decl.name?.text : decl.name.text;
    if (this.options.isSdkSpecifier(spec) && (ts.isNamespaceImport(decl) || SDK_EXPORTS.has(imported))) out.push({ kind: 'sdk-module' });
    const http = this.options.httpModule(spec);
    if (http) out.push({ kind: 'http', client: http, made: false });
    if (local) this.hintedLocal(local, out);
  }

  /** `const api = require('./api')` / `const { api } = require('./api')`: what the project index says of `local`. */
  private importedValues(decl: ts.VariableDeclaration, out: AbstractValue[], local = ts.isIdentifier(decl.name) ? decl.name.text : undefined): void {
    if (local && decl.initializer && ts.isCallExpression(unwrap(decl.initializer))) this.hintedLocal(local, out);
  }

  private hintedLocal(local: string, out: AbstractValue[]): void {
    const clients = this.options.importedHttpClients;
    if (clients && Object.hasOwn(clients, local)) join(out, [{ kind: 'http', client: 'axios', baseUrl: clients[local], made: true }]);
    if (this.options.importedSdkInstances?.includes(local)) join(out, [{ kind: 'sdk' }]);
  }

  private thisValues(node: ts.Node, depth: number): AbstractValue[] {
    const cls = this.classOfThis(node);
    if (!cls) return [];
    const out: AbstractValue[] = [{ kind: 'instance', cls }];
    // `class DealerBot extends ChipChat`: `this` is the instance
    for (const h of cls.heritageClauses ?? []) {
      if (h.token !== ts.SyntaxKind.ExtendsKeyword) continue;
      for (const t of h.types) if (holds(this.valuesOf(t.expression, depth + 1), 'sdk-module')) join(out, [{ kind: 'sdk' }]);
    }
    return out;
  }

  /** The class whose instance `this` is at `node` (arrows keep the outer `this`). */
  private classOfThis(node: ts.Node): ts.ClassLikeDeclaration | undefined {
    for (let cur = node.parent; cur; cur = cur.parent) {
      if (ts.isClassLike(cur)) return cur;
      if (ts.isFunctionDeclaration(cur) || ts.isFunctionExpression(cur)) return undefined;
      if (ts.isSourceFile(cur)) return undefined;
    }
    return undefined;
  }

  private memberValues(target: ts.Expression, name: string, depth: number): AbstractValue[] {
    const owner = ts.isIdentifier(unwrap(target)) ? this.declarationOf(unwrap(target) as ts.Identifier) : undefined;
    return this.membersOf(this.valuesOf(target, depth + 1), name, owner, depth);
  }

  /** What property `name` of a value holding `values` can hold. */
  private membersOf(values: readonly AbstractValue[], name: string, owner: ts.Node | undefined, depth: number): AbstractValue[] {
    const out: AbstractValue[] = [];
    const assigned = owner ? this.propAssigned.get(owner)?.get(name) : undefined;
    // `x.p = …` read through the same memo as members: assignments that read each other must not multiply
    if (owner && assigned) join(out, this.memberMemo(owner, ASSIGNED_PREFIX + name, depth, (into) => {
      for (const a of assigned) join(into, this.valuesOf(a, depth + 1));
    }));
    for (const v of values) {
      switch (v.kind) {
        case 'sdk':
          out.push({ kind: 'sdk-resource', resource: name });
          break;
        case 'sdk-module':
          if (SDK_EXPORTS.has(name)) out.push(v);
          break;
        case 'http':
          if (name === 'default' && !v.made) out.push(v);
          break;
        case 'instance':
          join(out, this.classMember(v.cls, name, depth + 1));
          break;
        case 'object':
          join(out, this.objectMember(v.node, name, depth + 1));
          break;
        default:
          break;
      }
    }
    return out;
  }

  private objectMember(obj: ts.ObjectLiteralExpression, name: string, depth: number): AbstractValue[] {
    return this.memberMemo(obj, name, depth, (out) => this.computeObjectMember(obj, name, out, depth));
  }

  private computeObjectMember(obj: ts.ObjectLiteralExpression, name: string, out: AbstractValue[], depth: number): void {
    for (const p of obj.properties) {
      if (ts.isSpreadAssignment(p)) join(out, this.membersOf(this.valuesOf(p.expression, depth), name, undefined, depth));
      else if (ts.isMethodDeclaration(p) && propertyName(p.name) === name) out.push({ kind: 'function', fn: p });
    }
    const v = objectProperty(obj, name);
    if (v) join(out, this.valuesOf(v, depth));
    for (const a of this.propAssigned.get(obj)?.get(name) ?? []) join(out, this.valuesOf(a, depth));
  }

  /** A member of a class or object, memoised like declarations (member reads repeat all over a class). */
  private memberMemo(owner: ts.Node, name: string, depth: number, compute: (out: AbstractValue[]) => void): AbstractValue[] {
    let byName = this.members.get(owner);
    if (!byName) this.members.set(owner, (byName = new Map()));
    const known = byName.get(name);
    if (known) return known;
    const key = `${name}\u0000`;
    let busy = this.membersInProgress.get(owner);
    if (!busy) this.membersInProgress.set(owner, (busy = new Set()));
    if (busy.has(key) || depth > MAX_DEPTH) return [];
    busy.add(key);
    const out: AbstractValue[] = [];
    try {
      compute(out);
    } finally {
      busy.delete(key);
    }
    byName.set(name, out);
    return out;
  }

  /** A field initialiser, a parameter property, every `this.name = …` in the class, a method; then the base class. */
  private classMember(cls: ts.ClassLikeDeclaration, name: string, depth: number): AbstractValue[] {
    return this.memberMemo(cls, name, depth, (out) => this.computeClassMember(cls, name, out, depth));
  }

  private computeClassMember(cls: ts.ClassLikeDeclaration, name: string, out: AbstractValue[], depth: number): void {
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && m.name && propertyName(m.name) === name && m.initializer) join(out, this.valuesOf(m.initializer, depth));
      else if ((ts.isMethodDeclaration(m) || ts.isGetAccessor(m)) && m.name && propertyName(m.name) === name) {
        if (ts.isGetAccessor(m)) join(out, this.returnValues(m, depth));
        else out.push({ kind: 'function', fn: m });
      } else if (ts.isConstructorDeclaration(m)) {
        for (const p of m.parameters) {
          if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.length) join(out, this.declarationValues(p, depth));
        }
      }
    }
    for (const a of this.propAssigned.get(cls)?.get(name) ?? []) join(out, this.valuesOf(a, depth));
    for (const h of cls.heritageClauses ?? []) {
      if (h.token !== ts.SyntaxKind.ExtendsKeyword) continue;
      for (const t of h.types) for (const v of this.valuesOf(t.expression, depth)) if (v.kind === 'class' && v.cls !== cls) join(out, this.classMember(v.cls, name, depth + 1));
    }
  }

  private callValues(call: ts.CallExpression, depth: number): AbstractValue[] {
    const callee = unwrap(call.expression);
    const spec = moduleSpecifier(call);
    if (spec !== undefined) {
      const out: AbstractValue[] = [];
      if (this.options.isSdkSpecifier(spec)) out.push({ kind: 'sdk-module' });
      const http = this.options.httpModule(spec);
      if (http) out.push({ kind: 'http', client: http, made: false });
      return out;
    }
    const out: AbstractValue[] = [];
    let calleeValues: AbstractValue[];
    if (ts.isPropertyAccessExpression(callee)) {
      const m = callee.name.text;
      // the receiver is read once: reading it again for the callee doubles the work at every link of a chain
      const receiver = this.valuesOf(callee.expression, depth + 1);
      const target = unwrap(callee.expression);
      calleeValues = this.membersOf(receiver, m, ts.isIdentifier(target) ? this.declarationOf(target) : undefined, depth);
      for (const v of receiver) {
        if (v.kind === 'sdk-resource' && RESOURCE_METHODS.has(m)) join(out, [{ kind: 'sdk-result', resource: v.resource, method: m }]);
        else if (v.kind === 'sdk' && m === 'conversation') join(out, [{ kind: 'context' }]);
        else if (v.kind === 'sdk' && CHAINING_METHODS.has(m)) join(out, [v]);
        else if (v.kind === 'http' && (m === 'create' || m === 'extend')) join(out, [this.madeClient(v, call.arguments[0])]);
        else if (v.kind === 'sdk-result' || v.kind === 'context') {
          if (m === 'then' || m === 'catch' || m === 'finally') join(out, [v]);
        }
      }
    } else calleeValues = this.valuesOf(callee, depth + 1);
    for (const v of calleeValues) if (v.kind === 'function') join(out, this.returnValues(v.fn, depth + 1));
    return out;
  }

  private madeClient(base: Extract<AbstractValue, { kind: 'http' }>, options: ts.Expression | undefined): AbstractValue {
    const url = this.strings.propertyString(options, base.client === 'got' ? 'prefixUrl' : 'baseURL') ?? this.strings.propertyString(options, 'baseURL') ?? this.strings.propertyString(options, 'prefixUrl');
    return { kind: 'http', client: base.client, baseUrl: url?.text ?? base.baseUrl, made: true };
  }

  private newValues(node: ts.NewExpression, depth: number): AbstractValue[] {
    const out: AbstractValue[] = [];
    for (const v of this.valuesOf(node.expression, depth + 1)) {
      if (v.kind === 'sdk-module') join(out, [{ kind: 'sdk' }]);
      else if (v.kind === 'class') join(out, [{ kind: 'instance', cls: v.cls }, ...this.thisValuesOfClass(v.cls, depth)]);
    }
    return out;
  }

  /** `new MyBot()` of `class MyBot extends ChipChat` is an instance of the SDK too. */
  private thisValuesOfClass(cls: ts.ClassLikeDeclaration, depth: number): AbstractValue[] {
    for (const h of cls.heritageClauses ?? []) {
      if (h.token !== ts.SyntaxKind.ExtendsKeyword) continue;
      for (const t of h.types) if (holds(this.valuesOf(t.expression, depth + 1), 'sdk-module')) return [{ kind: 'sdk' }];
    }
    return [];
  }

  returnValues(fn: Callable, depth = 0): AbstractValue[] {
    const key = fn as ts.Node;
    const memoKey = (key as { body?: ts.Node }).body ?? key;
    const known = this.memo.get(memoKey);
    if (known) return known;
    if (this.inProgress.has(memoKey) || depth > MAX_DEPTH) return [];
    this.inProgress.add(memoKey);
    const out: AbstractValue[] = [];
    try {
      if (fn.body && !ts.isBlock(fn.body)) join(out, this.valuesOf(fn.body as ts.Expression, depth + 1));
      for (const r of this.returns.get(fn) ?? []) join(out, this.valuesOf(r, depth + 1));
    } finally {
      this.inProgress.delete(memoKey);
    }
    this.memo.set(memoKey, out);
    return out;
  }

  private noteAssignment(b: ts.BinaryExpression): void {
    const left = unwrap(b.left);
    if (ts.isIdentifier(left)) {
      const d = this.declarationOf(left);
      if (d) push(this.assigned, d, b.right);
      return;
    }
    if (!ts.isPropertyAccessExpression(left)) return;
    const name = left.name.text;
    const target = unwrap(left.expression);
    let owner: ts.Node | undefined;
    if (target.kind === ts.SyntaxKind.ThisKeyword) owner = this.classOfThis(target);
    else if (ts.isIdentifier(target)) owner = this.declarationOf(target);
    if (!owner) return;
    let props = this.propAssigned.get(owner);
    if (!props) this.propAssigned.set(owner, (props = new Map()));
    const list = props.get(name) ?? [];
    list.push(b.right);
    props.set(name, list);
    // `const app = {}; app.bot = …`: the object literal holds it too
    if (ts.isVariableDeclaration(owner) && owner.initializer && ts.isObjectLiteralExpression(unwrap(owner.initializer))) {
      const obj = unwrap(owner.initializer);
      let objProps = this.propAssigned.get(obj);
      if (!objProps) this.propAssigned.set(obj, (objProps = new Map()));
      objProps.set(name, list);
    }
  }

  /**
   * Calls of local functions, methods and constructors, by the function they run. Resolved by names and
   * initialisers only (a call's target never depends on what a parameter holds here), so the index is
   * the same whatever the seeds.
   */
  private indexCallSites(): Map<ts.Node, (ts.CallExpression | ts.NewExpression)[]> {
    if (this.callSites) return this.callSites;
    const out = new Map<ts.Node, (ts.CallExpression | ts.NewExpression)[]>();
    this.callSites = out;
    const add = (fn: ts.Node | undefined, call: ts.CallExpression | ts.NewExpression) => {
      if (fn) push(out, fn, call);
    };
    for (const call of this.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
      const callee = unwrap(call.expression);
      if (ts.isIdentifier(callee)) add(this.localFunction(callee), call);
      else if (ts.isPropertyAccessExpression(callee)) {
        const cls = this.staticClassOf(callee.expression);
        if (cls) add(methodOf(cls, callee.name.text), call);
        const obj = this.staticObjectOf(callee.expression);
        if (obj) {
          const m = objectProperty(obj, callee.name.text) ?? obj.properties.find((p) => ts.isMethodDeclaration(p) && propertyName(p.name) === callee.name.text);
          if (m && isFunctionLike(m)) add(m, call);
          else if (m && ts.isIdentifier(m)) add(this.localFunction(m), call);
          else if (m && isFunctionLike(unwrap(m as ts.Expression))) add(unwrap(m as ts.Expression), call);
        }
      }
    }
    for (const n of this.nodes<ts.NewExpression>(ts.SyntaxKind.NewExpression)) {
      const callee = unwrap(n.expression);
      const d = ts.isIdentifier(callee) ? this.declarationOf(callee) : undefined;
      if (d && (ts.isClassDeclaration(d) || ts.isClassExpression(d))) add(constructorOf(d), n);
    }
    return out;
  }

  private localFunction(id: ts.Identifier): ts.Node | undefined {
    const d = this.declarationOf(id);
    if (!d) return undefined;
    if (ts.isFunctionDeclaration(d) || ts.isFunctionExpression(d)) return d;
    if (ts.isVariableDeclaration(d) && d.initializer && isFunctionLike(unwrap(d.initializer))) return unwrap(d.initializer);
    return undefined;
  }

  /** The local class of `this` or of a variable initialised with `new C(…)`. */
  private staticClassOf(expr: ts.Expression): ts.ClassLikeDeclaration | undefined {
    const e = unwrap(expr);
    if (e.kind === ts.SyntaxKind.ThisKeyword) return this.classOfThis(e);
    if (!ts.isIdentifier(e)) return undefined;
    const d = this.declarationOf(e);
    const init = d && ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : undefined;
    if (!init || !ts.isNewExpression(init) || !ts.isIdentifier(init.expression)) return undefined;
    const c = this.declarationOf(init.expression);
    return c && (ts.isClassDeclaration(c) || ts.isClassExpression(c)) ? c : undefined;
  }

  private staticObjectOf(expr: ts.Expression): ts.ObjectLiteralExpression | undefined {
    const e = unwrap(expr);
    if (!ts.isIdentifier(e)) return undefined;
    const d = this.declarationOf(e);
    const init = d && ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : undefined;
    return init && ts.isObjectLiteralExpression(init) ? init : undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function constructorOf(cls: ts.ClassLikeDeclaration): ts.ConstructorDeclaration | undefined {
  return cls.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
}

function methodOf(cls: ts.ClassLikeDeclaration, name: string): ts.MethodDeclaration | undefined {
  return cls.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && !!m.name && propertyName(m.name) === name);
}

/** `require('x')` / `import('x')` with a literal specifier. */
function moduleSpecifier(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (!(ts.isIdentifier(e) && e.text === 'require') && e.kind !== ts.SyntaxKind.ImportKeyword) return undefined;
  const a = call.arguments[0];
  return a && ts.isStringLiteralLike(a) ? a.text : undefined;
}

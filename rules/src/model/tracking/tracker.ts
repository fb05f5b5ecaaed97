import { ts } from '../../ts';
import { OverBudget } from '../../budget';
import { objectProperty, propertyName, unwrap } from '../syntax';
import type { ExpressionSource, ValueResolver } from '../values';
import { join, type AbstractValue } from './abstract-value';
import { callValues, newValues } from './call-values';
import { computeDeclaration, identifierValues } from './declaration-values';
import type { Declaration, Declarations } from './declarations';
import { memberValues, thisValues } from './member-values';
import { classOfThis, constructorOf, SyntaxIndex, type Callable, type CallSite } from './syntax-index';
import type { TrackerOptions, Tracking } from './tracking-context';

export type { TrackerOptions } from './tracking-context';

const MAX_DEPTH = 24;
/** The clock is read every 4096 steps (a mask). */
const STEPS_PER_CLOCK_CHECK = 4095;

/**
 * The value-tracking layer: answers "what can this expression hold?" for one file, following values through
 * constants and variables (every assignment counts), destructuring, object properties and spreads, class
 * fields and constructor parameters, function parameters (bound at the file's call sites) and return values.
 * Facts are keyed by declaration. Built once per file model; `reset()` forgets answers when the SDK model
 * seeds new facts (a handler's context, a hinted parameter) so the next pass sees them.
 *
 * This class holds the memos and dispatches by expression kind; the syntax facts are in `SyntaxIndex`, and
 * what declarations, members and calls hold is worked out in `declaration-values`, `member-values` and
 * `call-values`.
 */
export class ValueTracker implements ExpressionSource {
  readonly declarations: Declarations;
  private readonly index: SyntaxIndex;
  /** This tracker as the value functions see it (its private memos included). */
  private readonly tracking: Tracking;
  private readonly seeds = new Map<ts.Node, AbstractValue[]>();
  private readonly memo = new Map<ts.Node, AbstractValue[]>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly members = new Map<ts.Node, Map<string, AbstractValue[]>>();
  private readonly membersInProgress = new Map<ts.Node, Set<string>>();
  /** While the file model is being built: the time after which the work gives up (OverBudget). */
  deadline: { at: number; ms: number; now: () => number } | undefined;
  private steps = 0;

  constructor(
    readonly sourceFile: ts.SourceFile,
    nodes: <T extends ts.Node>(kind: ts.SyntaxKind) => T[],
    strings: ValueResolver,
    options: TrackerOptions,
  ) {
    this.index = new SyntaxIndex(sourceFile, nodes, options.acrossVersions);
    this.declarations = this.index.declarations;
    this.tracking = {
      index: this.index,
      options,
      strings,
      valuesOf: (expr, depth) => this.valuesOf(expr, depth),
      declarationOf: (id) => this.declarationOf(id),
      declarationValues: (decl, depth) => this.declarationValues(decl, depth),
      returnValues: (fn, depth) => this.returnValues(fn, depth),
      memberMemo: (owner, name, depth, compute) => this.memberMemo(owner, name, depth, compute),
    };
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
    this.index.ensureIndexed();
    if (this.deadline && (++this.steps & STEPS_PER_CLOCK_CHECK) === 0 && this.deadline.now() > this.deadline.at) throw new OverBudget(this.deadline.ms);
    const e = unwrap(expr);
    switch (e.kind) {
      case ts.SyntaxKind.Identifier:
        return identifierValues(this.tracking, e as ts.Identifier, depth);
      case ts.SyntaxKind.ThisKeyword:
        return thisValues(this.tracking, e, depth);
      case ts.SyntaxKind.PropertyAccessExpression: {
        const p = e as ts.PropertyAccessExpression;
        return memberValues(this.tracking, p.expression, p.name.text, depth);
      }
      case ts.SyntaxKind.ElementAccessExpression: {
        const el = e as ts.ElementAccessExpression;
        if (ts.isStringLiteralLike(el.argumentExpression)) return memberValues(this.tracking, el.expression, el.argumentExpression.text, depth);
        // `conversations[0]` of a list read is one of what the read returned
        return this.valuesOf(el.expression, depth + 1).filter((v) => v.kind === 'sdk-result');
      }
      case ts.SyntaxKind.CallExpression:
        return callValues(this.tracking, e as ts.CallExpression, depth);
      case ts.SyntaxKind.NewExpression:
        return newValues(this.tracking, e as ts.NewExpression, depth);
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
    return this.index.declarationOf(id);
  }

  /** What a declaration holds: its initialiser, every assignment, or for a parameter every argument it gets. */
  declarationValues(decl: ts.Node, depth = 0): AbstractValue[] {
    const known = this.memo.get(decl);
    if (known) return known;
    if (this.inProgress.has(decl) || depth > MAX_DEPTH) return [...(this.seeds.get(decl) ?? [])];
    this.inProgress.add(decl);
    const out: AbstractValue[] = [...(this.seeds.get(decl) ?? [])];
    try {
      computeDeclaration(this.tracking, decl, out, depth + 1);
    } finally {
      this.inProgress.delete(decl);
    }
    this.memo.set(decl, out);
    return out;
  }

  /** The functions a call may run (a local function, a method of a local class, a constructor). */
  calleesOf(call: CallSite): Callable[] {
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
  callSitesOf(fn: ts.Node): readonly CallSite[] {
    return this.index.callSitesOf(fn);
  }

  /** The expressions a name can hold at its place (undefined: no declaration in this file). */
  candidates(id: ts.Identifier, bindings: ReadonlyMap<ts.Node, ts.Expression>): ts.Expression[] | undefined {
    const d = this.declarationOf(id);
    if (!d) return undefined;
    if (ts.isVariableDeclaration(d)) return [...(d.initializer ? [d.initializer] : []), ...this.index.assignmentsOf(d)];
    if (ts.isParameter(d)) return this.argumentsOf(d, bindings);
    if (ts.isBindingElement(d)) return this.parameterPropertyOf(d, bindings);
    // an import is another module's value: the project index may know it (ValueResolver's imported constants)
    if (ts.isImportClause(d) || ts.isImportSpecifier(d) || ts.isNamespaceImport(d)) return undefined;
    return [];
  }

  /** The expressions `this.name` can hold: field initialisers, assignments in the class, parameter properties. */
  memberCandidates(access: ts.PropertyAccessExpression, bindings: ReadonlyMap<ts.Node, ts.Expression>): ts.Expression[] | undefined {
    const cls = access.expression.kind === ts.SyntaxKind.ThisKeyword ? classOfThis(access.expression) : undefined;
    if (!cls) return undefined;
    this.index.ensureIndexed();
    const name = access.name.text;
    const out: ts.Expression[] = [];
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && m.name && propertyName(m.name) === name && m.initializer) out.push(m.initializer);
      if (ts.isConstructorDeclaration(m)) {
        for (const p of m.parameters) if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.length) out.push(...this.argumentsOf(p, bindings));
      }
    }
    out.push(...(this.index.propertyAssignments(cls, name) ?? []));
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

  /**
   * What `{ base = '…' }` in a parameter list gets: the property of the object passed at every call site of the
   * file, or its default where a call passes none. A function called only from other modules (an exported class
   * built elsewhere) gets its default: what a reader of the file sees. Other destructuring: nothing known.
   */
  private parameterPropertyOf(el: ts.BindingElement, bindings: ReadonlyMap<ts.Node, ts.Expression>): ts.Expression[] {
    const param = el.parent.parent;
    const name = propertyName(el.propertyName ?? el.name);
    if (!ts.isObjectBindingPattern(el.parent) || !ts.isParameter(param) || name === undefined || el.dotDotDotToken) return [];
    const fallback = el.initializer ? [el.initializer] : [];
    const args = this.argumentsOf(param, bindings);
    if (!args.length) return this.callSitesOf(param.parent).length ? [] : fallback;
    const out: ts.Expression[] = [];
    for (const a of args) {
      const obj = unwrap(a);
      if (!ts.isObjectLiteralExpression(obj)) return [];
      const given = objectProperty(obj, name);
      if (given) out.push(given);
      else out.push(...fallback);
    }
    return out;
  }

  /** The enclosing function of a node (arrows included). */
  functionOf(node: ts.Node): Callable | undefined {
    return this.index.functionOf(node);
  }

  /** The expressions a function gives back: an arrow's expression body, else its `return` statements'. */
  returnExpressions(fn: Callable): readonly ts.Expression[] {
    this.index.ensureIndexed();
    if (fn.body && !ts.isBlock(fn.body)) return [fn.body as ts.Expression];
    return this.index.returnsOf(fn);
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
      for (const r of this.index.returnsOf(fn)) join(out, this.valuesOf(r, depth + 1));
    } finally {
      this.inProgress.delete(memoKey);
    }
    this.memo.set(memoKey, out);
    return out;
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
}

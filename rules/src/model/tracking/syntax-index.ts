import { ts } from '../../ts';
import { isFunctionLike, objectProperty, propertyName, unwrap } from '../syntax';
import { Declarations, type Declaration } from './declarations';

export type Callable = ts.FunctionLikeDeclaration;
export type CallSite = ts.CallExpression | ts.NewExpression;

/**
 * What the file's syntax alone says, before any value is known: declarations, assignments, returns and the
 * call sites of local functions. Values are derived from these facts, so they never change with the seeds.
 */
export class SyntaxIndex {
  readonly declarations: Declarations;
  /** `x = v` by the declaration of x; `x.p = v` by declaration and property; `this.p = v` by class and property. */
  private readonly assigned = new Map<Declaration, ts.Expression[]>();
  private readonly propAssigned = new Map<ts.Node, Map<string, ts.Expression[]>>();
  private readonly returns = new Map<Callable, ts.Expression[]>();
  private callSites: Map<ts.Node, CallSite[]> | undefined;
  private indexed = false;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly nodes: <T extends ts.Node>(kind: ts.SyntaxKind) => T[],
    acrossVersions = false,
  ) {
    this.declarations = new Declarations(sourceFile, acrossVersions);
  }

  /**
   * Declarations, assignments and returns are indexed on the first question: most files (no SDK, no HTTP
   * client, no string a rule resolves through a name) never ask one.
   */
  ensureIndexed(): void {
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
    // `import ChipChat = require('chipchat')` (TypeScript's CommonJS import) is a top-level statement only
    for (const st of this.sourceFile.statements) if (ts.isImportEqualsDeclaration(st)) d.add(st);
    for (const b of nodes<ts.BinaryExpression>(ts.SyntaxKind.BinaryExpression)) if (b.operatorToken.kind === ts.SyntaxKind.EqualsToken) this.noteAssignment(b);
    for (const r of nodes<ts.ReturnStatement>(ts.SyntaxKind.ReturnStatement)) {
      const fn = this.functionOf(r);
      if (fn && r.expression) push(this.returns, fn, r.expression);
    }
  }

  /** The declaration a name refers to at its place (undefined: a global). */
  declarationOf(id: ts.Identifier): Declaration | undefined {
    this.ensureIndexed();
    return this.declarations.declarationOf(id);
  }

  /** Every `x = …` of a declaration (read before indexing: none). */
  assignmentsOf(decl: Declaration): readonly ts.Expression[] {
    return this.assigned.get(decl) ?? [];
  }

  /** Every `x.name = …` (or `this.name = …` for a class) of an owner; undefined when there is none. */
  propertyAssignments(owner: ts.Node, name: string): readonly ts.Expression[] | undefined {
    return this.propAssigned.get(owner)?.get(name);
  }

  /** The expressions of a function's `return` statements. */
  returnsOf(fn: Callable): readonly ts.Expression[] {
    return this.returns.get(fn) ?? [];
  }

  /** Calls of this file that run `fn` (resolved syntactically, before any value is known). */
  callSitesOf(fn: ts.Node): readonly CallSite[] {
    return this.indexCallSites().get(fn) ?? [];
  }

  /** The enclosing function of a node (arrows included). */
  functionOf(node: ts.Node): Callable | undefined {
    for (let s = this.declarations.scopeOf(node); s; s = s.parent ? this.declarations.scopeOf(s) : undefined) {
      if (isFunctionLike(s) || ts.isConstructorDeclaration(s) || ts.isGetAccessor(s) || ts.isSetAccessor(s)) return s as Callable;
    }
    return undefined;
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
    if (target.kind === ts.SyntaxKind.ThisKeyword) owner = classOfThis(target);
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
  private indexCallSites(): Map<ts.Node, CallSite[]> {
    if (this.callSites) return this.callSites;
    const out = new Map<ts.Node, CallSite[]>();
    this.callSites = out;
    const add = (fn: ts.Node | undefined, call: CallSite) => {
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
    if (e.kind === ts.SyntaxKind.ThisKeyword) return classOfThis(e);
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

/** The class whose instance `this` is at `node` (arrows keep the outer `this`). */
export function classOfThis(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (ts.isClassLike(cur)) return cur;
    if (ts.isFunctionDeclaration(cur) || ts.isFunctionExpression(cur)) return undefined;
    if (ts.isSourceFile(cur)) return undefined;
  }
  return undefined;
}

export function constructorOf(cls: ts.ClassLikeDeclaration): ts.ConstructorDeclaration | undefined {
  return cls.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
}

function methodOf(cls: ts.ClassLikeDeclaration, name: string): ts.MethodDeclaration | undefined {
  return cls.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && !!m.name && propertyName(m.name) === name);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

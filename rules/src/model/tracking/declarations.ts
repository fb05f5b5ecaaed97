import { ts } from '../../ts';

/**
 * A declaration a name can resolve to: a variable, a destructured element, a parameter, a function, a class or
 * an import binding. Facts are keyed by these nodes, not by names, so two functions' `bot` parameters stay apart.
 */
export type Declaration =
  | ts.VariableDeclaration
  | ts.BindingElement
  | ts.ParameterDeclaration
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ClassDeclaration
  | ts.ClassExpression
  | ts.ImportClause
  | ts.ImportSpecifier
  | ts.NamespaceImport
  | ts.ImportEqualsDeclaration;

const LONG_CLIMB = 32;

/**
 * How names resolved, remembered across versions of an open file by the top-level statement they lie in: inside
 * it (the declaration itself), or at file level (looked up again by name, since another statement may have
 * added or removed a top-level declaration). An incremental re-parse keeps a top-level statement's node only
 * when the edit left its text alone, and then keeps its whole subtree: the scopes between a name and that
 * statement are the same, so a resolution found inside it still holds. Weak by statement: a statement's
 * entries go with it (they point into its subtree only, so they cannot keep an older version alive).
 */
type KeptResolution = { decl: Declaration | undefined; fileLevel: false } | { fileLevel: true };
const keptResolutions = new WeakMap<ts.Statement, Map<ts.Identifier, KeptResolution>>();

/** Nodes that open a scope for the names declared directly in them. */
function isScope(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.SourceFile:
    case ts.SyntaxKind.Block:
    case ts.SyntaxKind.ModuleBlock:
    case ts.SyntaxKind.CaseBlock:
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.CatchClause:
    case ts.SyntaxKind.ClassStaticBlockDeclaration:
      return true;
    default:
      return isFunctionScope(node);
  }
}

function isFunctionScope(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.SourceFile:
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.Constructor:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}

/**
 * TypeScript's syntactic binding without a checker: which declaration a name refers to where it is used
 * (lexical scopes, `var` hoisted to its function, parameters, function and class names, imports). Built from
 * the declarations the file walk collected; a name found in no scope is a global (or undeclared).
 */
export class Declarations {
  private readonly byScope = new Map<ts.Node, Map<string, Declaration>>();
  /** The nearest scope at or above nodes a lookup climbed through: climbs are shared, never repeated. */
  private readonly scopeAt = new Map<ts.Node, ts.Node>();
  private readonly resolved = new Map<ts.Identifier, Declaration | null>();
  /** Every name declared anywhere in the file: a name not among them is a global without climbing a scope. */
  private readonly declaredNames = new Set<string>();

  /** `acrossVersions`: resolutions are remembered for the file's next version (an open document's tree is kept). */
  constructor(
    readonly sourceFile: ts.SourceFile,
    private readonly acrossVersions = false,
  ) {}

  add(decl: Declaration): void {
    if (ts.isVariableDeclaration(decl)) {
      if (!ts.isIdentifier(decl.name)) return this.addPattern(decl.name, this.variableScope(decl));
      return this.put(this.variableScope(decl), decl.name.text, decl);
    }
    if (ts.isParameter(decl)) {
      if (ts.isIdentifier(decl.name)) return this.put(decl.parent, decl.name.text, decl);
      return this.addPattern(decl.name, decl.parent);
    }
    if (ts.isImportClause(decl)) return decl.name ? this.put(this.sourceFile, decl.name.text, decl) : undefined;
    if (ts.isImportSpecifier(decl) || ts.isNamespaceImport(decl) || ts.isImportEqualsDeclaration(decl)) return this.put(this.sourceFile, decl.name.text, decl);
    if (ts.isFunctionExpression(decl) || ts.isClassExpression(decl)) return decl.name ? this.put(decl, decl.name.text, decl) : undefined;
    if ((ts.isFunctionDeclaration(decl) || ts.isClassDeclaration(decl)) && decl.name) this.put(this.scopeOf(decl) ?? this.sourceFile, decl.name.text, decl);
  }

  /** The declaration `id` refers to at its place, or undefined for a global. */
  declarationOf(id: ts.Identifier): Declaration | undefined {
    const known = this.resolved.get(id);
    if (known !== undefined) return known ?? undefined;
    // globals (console, require, JSON, process …) are most lookups
    if (!this.declaredNames.has(id.text)) return undefined;
    const top = this.acrossVersions ? topStatementOf(this.sourceFile, id) : undefined;
    let kept = top && keptResolutions.get(top);
    const remembered = kept?.get(id);
    let found: Declaration | undefined;
    if (remembered) {
      found = remembered.fileLevel ? this.byScope.get(this.sourceFile)?.get(id.text) : remembered.decl;
    } else {
      let fileLevel = false;
      for (let scope: ts.Node | undefined = this.scopeOf(id); scope; scope = scope.parent ? this.scopeOf(scope) : undefined) {
        if (scope.kind === ts.SyntaxKind.SourceFile) {
          found = this.byScope.get(scope)?.get(id.text);
          fileLevel = true;
          break;
        }
        const d = this.byScope.get(scope)?.get(id.text);
        if (d) {
          found = d;
          break;
        }
      }
      if (top) {
        if (!kept) keptResolutions.set(top, (kept = new Map()));
        kept.set(id, fileLevel ? { fileLevel } : { decl: found, fileLevel });
      }
    }
    this.resolved.set(id, found ?? null);
    return found;
  }

  /** The nearest scope strictly above `node`. */
  scopeOf(node: ts.Node): ts.Node | undefined {
    let steps = 0;
    let found: ts.Node | undefined;
    let cur = node.parent;
    for (; cur; cur = cur.parent) {
      if (isScope(cur)) {
        found = cur;
        break;
      }
      // most climbs are a few steps and remembering them would cost more than it saves; a long one (a
      // 10,000-term expression) is remembered so the next climb through it is one lookup
      if (++steps === LONG_CLIMB) return this.scopeOfLongClimb(node);
    }
    return found;
  }

  private scopeOfLongClimb(node: ts.Node): ts.Node | undefined {
    const climbed: ts.Node[] = [];
    let found: ts.Node | undefined;
    for (let cur = node.parent; cur; cur = cur.parent) {
      const known = this.scopeAt.get(cur);
      if (known) {
        found = known;
        break;
      }
      if (isScope(cur)) {
        found = cur;
        break;
      }
      climbed.push(cur);
    }
    if (found) for (const n of climbed) this.scopeAt.set(n, found);
    return found;
  }

  private variableScope(decl: ts.VariableDeclaration): ts.Node {
    const list = decl.parent;
    const blockScoped = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) !== 0;
    let scope = this.scopeOf(decl) ?? this.sourceFile;
    if (!blockScoped) while (!isFunctionScope(scope) && scope.parent) scope = this.scopeOf(scope) ?? this.sourceFile;
    return scope;
  }

  private addPattern(pattern: ts.BindingPattern, scope: ts.Node): void {
    for (const el of pattern.elements) {
      if (!ts.isBindingElement(el)) continue;
      if (ts.isIdentifier(el.name)) this.put(scope, el.name.text, el);
      else this.addPattern(el.name, scope);
    }
  }

  private put(scope: ts.Node, name: string, decl: Declaration): void {
    this.declaredNames.add(name);
    let names = this.byScope.get(scope);
    if (!names) this.byScope.set(scope, (names = new Map()));
    // `var x` twice is one variable: the first declaration stands for it
    if (!names.has(name)) names.set(name, decl);
  }
}

/** The top-level statement a node lies in (by position: statements are in order and do not overlap). */
function topStatementOf(sourceFile: ts.SourceFile, node: ts.Node): ts.Statement | undefined {
  const statements = sourceFile.statements;
  let lo = 0;
  let hi = statements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const st = statements[mid]!;
    if (node.pos >= st.end) lo = mid + 1;
    else if (node.pos < st.pos) hi = mid - 1;
    else return node.end <= st.end ? st : undefined;
  }
  return undefined;
}

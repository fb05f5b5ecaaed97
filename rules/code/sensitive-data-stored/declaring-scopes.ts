import { ts } from '../../src/ts';
import type { FileModel } from '../../src/model/file-model';
import { boundNames, isFunctionLike } from '../../src/model/syntax';
import { scopeOf } from './flow-syntax';

/**
 * Which function (or the file) declares a name as seen from a place that uses it: a variable of a handler and a
 * parameter of another function with the same name are different values. Answers are kept per using scope.
 */
export class DeclaringScopes {
  /** Every scope that declares a variable of a name (parameters are looked up on the function itself). */
  private declaredIn: Map<string, Set<ts.Node>> | undefined;
  /** Declaring scope by the scope a name is used in, then by name: asked for every reference of a name. */
  private readonly scopeByUse = new Map<ts.Node, Map<string, ts.Node>>();
  private readonly parameterNames = new Map<ts.Node, string[]>();

  constructor(private readonly model: FileModel) {}

  /** The nearest scope around `site` that declares `name` (a variable or a parameter), else the file. */
  of(name: string, site: ts.Node): ts.Node {
    const start = scopeOf(site);
    let byName = this.scopeByUse.get(start);
    if (!byName) this.scopeByUse.set(start, (byName = new Map()));
    let found = byName.get(name);
    if (!found) {
      found = this.findDeclaringScope(name, start);
      byName.set(name, found);
    }
    return found;
  }

  private findDeclaringScope(name: string, start: ts.Node): ts.Node {
    const scopes = this.declarationScopes().get(name);
    for (let s: ts.Node = start; ; s = scopeOf(s)) {
      if (scopes?.has(s)) return s;
      if (isFunctionLike(s) && this.parametersOf(s).includes(name)) return s;
      if (ts.isSourceFile(s)) return s;
    }
  }

  private declarationScopes(): Map<string, Set<ts.Node>> {
    if (!this.declaredIn) {
      const declaredIn = new Map<string, Set<ts.Node>>();
      for (const d of this.model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration)) {
        for (const n of boundNames(d.name)) declaredIn.set(n, (declaredIn.get(n) ?? new Set()).add(scopeOf(d)));
      }
      this.declaredIn = declaredIn;
    }
    return this.declaredIn;
  }

  private parametersOf(fn: ts.FunctionLikeDeclaration): string[] {
    let names = this.parameterNames.get(fn);
    if (!names) {
      names = [];
      for (const p of fn.parameters) boundNames(p.name, names);
      this.parameterNames.set(fn, names);
    }
    return names;
  }
}

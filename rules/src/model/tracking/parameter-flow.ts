import { ts } from '../../ts';
import { isFunctionLike, unwrap } from '../syntax';
import type { Declaration } from './declarations';

/**
 * The positions of `params` whose values some expression of `exprs` carries: a parameter used in it (destructured
 * ones too), or a local variable built from one before it (`const row = { ...lead, at }`). What a function hands on
 * from its callers: its call sites then say what the values are.
 */
export function parametersIn(declarationOf: (id: ts.Identifier) => Declaration | undefined, exprs: readonly (ts.Expression | undefined)[], params: ts.NodeArray<ts.ParameterDeclaration>): number[] {
  const out = new Set<number>();
  const seen = new Set<ts.Node>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
      const d = declarationOf(n);
      let p: ts.Node | undefined = d;
      while (p && !ts.isParameter(p) && (ts.isBindingElement(p) || ts.isObjectBindingPattern(p) || ts.isArrayBindingPattern(p))) p = p.parent;
      if (p && ts.isParameter(p)) {
        const i = params.indexOf(p);
        if (i >= 0) out.add(i);
      } else if (d && ts.isVariableDeclaration(d) && d.initializer && !seen.has(d) && !isFunctionLike(unwrap(d.initializer)) && d.initializer.pos < n.pos) {
        seen.add(d);
        visit(d.initializer);
      }
    }
    if (isFunctionLike(n)) return;
    ts.forEachChild(n, visit);
  };
  for (const e of exprs) if (e) visit(e);
  return [...out].sort((a, b) => a - b);
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ts } from '../../rules/src/ts';

/** One import of a repository file: what it names, where that resolves to (repository-relative) and whether it exists at run time. */
export interface ImportEdge { from: string; spec: string; to: string | undefined; typeOnly: boolean; line: number }

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', '.vscode-test', 'cases', 'workspace', 'coverage']);
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.mjs', '.cjs', '.json'];

/** The project's own source folders; anything else (bench/corpus, build output) is other people's code or generated. */
const SOURCE_ROOTS = ['rules', 'server', 'client', 'scripts', 'test'];

/** Every TypeScript source of the repository (not fixtures: rule cases and e2e workspaces are inputs, not code). */
export function repositorySources(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(p);
      } else if (/\.(m|c)?tsx?$/.test(name)) out.push(relative(root, p).replace(/\\/g, '/'));
    }
  };
  for (const dir of SOURCE_ROOTS) if (existsSync(join(root, dir))) walk(join(root, dir));
  return out.sort();
}

/** The imports, re-exports, require() and import() calls of one file, resolved against the repository. */
export function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(join(root, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (specNode: ts.Node | undefined, typeOnly: boolean): void => {
    if (!specNode || !ts.isStringLiteralLike(specNode)) return;
    const line = sf.getLineAndCharacterOfPosition(specNode.getStart(sf)).line + 1;
    edges.push({ from: file, spec: specNode.text, to: resolveSpec(root, file, specNode.text), typeOnly, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, isTypeOnlyImport(node));
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly || isTypeOnlyExport(node));
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node.isTypeOnly);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) add(node.arguments[0], false);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edges;
}

/** `import type {…}`, or every named binding marked `type` and no default or namespace import. */
function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './side-effect'` runs the module
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  const clause = node.exportClause;
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** A relative specifier as a repository path (extension and /index resolved); bare specifiers are packages: undefined. */
function resolveSpec(root: string, from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(root, dirname(from), spec);
  const stem = base.replace(/\.(m|c)?js$/, '');
  const candidates = [base, ...EXTENSIONS.map((e) => stem + e), ...EXTENSIONS.map((e) => join(base, 'index' + e))];
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
  return relative(root, hit).replace(/\\/g, '/');
}

/** Circles of runtime imports (type-only imports are erased and cannot form one): each as a list of files. */
export function runtimeCircles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.typeOnly || !e.to) continue;
    let s = next.get(e.from);
    if (!s) next.set(e.from, (s = new Set()));
    s.add(e.to);
  }
  // Tarjan's strongly connected components: a component of more than one file, or a file importing itself, is a circle
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const connect = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!order.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) !== order.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || next.get(v)?.has(v)) circles.push(component.sort());
  };
  for (const v of [...next.keys()].sort()) if (!order.has(v)) connect(v);
  return circles;
}

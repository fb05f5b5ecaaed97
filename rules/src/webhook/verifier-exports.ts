// Which exports of a module verify webhook signatures: the project index hands this to the modules that import
// them (engine/verification-hints.ts), so middleware from another module of the app is judged by what it does.
import { ts } from '../ts';
import type { FileModel } from '../model/file-model';
import { isFunctionLike, propertyName, unwrap } from '../model/syntax';
import { SignatureChecks, VERIFIER_NAME, type ImportedVerifiers } from './signature-checks';

/**
 * Text without any of these cannot verify a signature (no signature value, timing-safe compare or verifier name
 * for SignatureChecks to find): its exports are not walked. Most modules of an app stop here.
 */
const MAY_VERIFY = /sig(?:nature)?s?\b|hmac|xhub|timingsafeequal|isxhubvalid|tsscmp|scmp|safe-compare|secure-compare|verif\w{0,20}(?:hook|hub)/i;

/**
 * The module's exported functions (and middleware values such as `express.json({ verify })`) with whether they
 * reject requests whose signature does not verify: export name → verdict (`default` for `module.exports = fn`
 * and `export default fn`; the properties of `module.exports = { … }` by their names). Undefined when the module
 * exports nothing of the kind.
 */
export function exportedWebhookVerifiers(model: FileModel, imported: ImportedVerifiers | undefined): Record<string, boolean> | undefined {
  const exports = exportedValues(model.sourceFile);
  if (!exports.length) return undefined;
  const importsVerifier = Object.values(imported ?? {}).some((t) => Object.values(t).includes(true));
  const mayVerify = importsVerifier ? () => true : mayVerifyText(model);
  let checks: SignatureChecks | undefined;
  const out: Record<string, boolean> = {};
  for (const [name, node] of exports) {
    if (Object.hasOwn(out, name)) continue;
    const may = mayVerify(node);
    if (may) checks ??= new SignatureChecks(model, imported);
    const verifies = may && (isFunctionLike(node) ? checks!.verifiesIn(node) : checks!.isVerifierExpr(node));
    // what no importer would take for a verifier is left out: the facts of most modules stay empty
    if (verifies || name === 'default' || VERIFIER_NAME.test(name)) out[name] = verifies;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Whether an export's text, or that of a function of the file it names, has what a check needs: type signatures
 * in a TypeScript library make a file pass MAY_VERIFY, but not each of its exports, so few are walked.
 */
function mayVerifyText(model: FileModel): (node: ts.Node) => boolean {
  if (!MAY_VERIFY.test(model.text)) return () => false;
  const textOf = (n: ts.Node) => model.text.slice(n.pos, n.end);
  const helpers = [...model.functionsByName].filter(([, fn]) => MAY_VERIFY.test(textOf(fn))).map(([n]) => n);
  return (node) => {
    const t = textOf(node);
    return MAY_VERIFY.test(t) || helpers.some((h) => t.includes(h));
  };
}

type Exported = [name: string, value: ts.FunctionLikeDeclaration | ts.Expression];

/** Top-level exports that may be middleware: functions, names, calls and property reads, not literals or classes. */
function exportedValues(sf: ts.SourceFile): Exported[] {
  const out: Exported[] = [];
  const add = (name: string, value: ts.Expression) => {
    const v = unwrap(value);
    if (name === 'default' && ts.isObjectLiteralExpression(v)) {
      for (const p of v.properties) {
        if (ts.isShorthandPropertyAssignment(p)) add(p.name.text, p.name);
        else if (ts.isPropertyAssignment(p) && propertyName(p.name)) add(propertyName(p.name)!, p.initializer);
        else if (ts.isMethodDeclaration(p) && propertyName(p.name)) out.push([propertyName(p.name)!, p]);
      }
    } else if (isFunctionLike(v) || ts.isIdentifier(v) || ts.isCallExpression(v) || ts.isPropertyAccessExpression(v)) out.push([name, v]);
  };
  for (const stmt of sf.statements) {
    const mods = ts.canHaveModifiers(stmt) ? (ts.getModifiers(stmt) ?? []) : [];
    const exported = mods.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = mods.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if (ts.isFunctionDeclaration(stmt) && exported && stmt.body) out.push([isDefault ? 'default' : (stmt.name?.text ?? 'default'), stmt]);
    else if (ts.isVariableStatement(stmt) && exported) {
      for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) add(d.name.text, d.initializer);
    } else if (ts.isExportAssignment(stmt)) add('default', stmt.expression);
    else if (ts.isExportDeclaration(stmt) && !stmt.moduleSpecifier && stmt.exportClause && ts.isNamedExports(stmt.exportClause)) {
      for (const el of stmt.exportClause.elements) add(el.name.text, el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName : el.name);
    } else if (ts.isExpressionStatement(stmt)) {
      const e = stmt.expression;
      if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const target = exportTarget(e.left);
      if (target) add(target, e.right);
    }
  }
  return out;
}

/** `module.exports` → default; `module.exports.x` / `exports.x` → x. */
function exportTarget(left: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(left)) return undefined;
  const obj = left.expression;
  if (ts.isIdentifier(obj) && obj.text === 'module' && left.name.text === 'exports') return 'default';
  if (ts.isIdentifier(obj) && obj.text === 'exports') return left.name.text;
  if (ts.isPropertyAccessExpression(obj) && ts.isIdentifier(obj.expression) && obj.expression.text === 'module' && obj.name.text === 'exports') return left.name.text;
  return undefined;
}

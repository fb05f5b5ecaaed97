import { ts } from '../../src/ts';
import type { CodeRuleContext } from '../../src/rule';
import { propertyName, unwrap } from '../../src/model/syntax';
import type { Fix } from '../../src/types';

const CRYPTO = new Set(['crypto', 'node:crypto']);

/**
 * `a === b` → `(Buffer.byteLength(String(a)) === Buffer.byteLength(String(b)) && crypto.timingSafeEqual(…))`.
 * Only when both sides can be evaluated twice without side effects, and crypto can be named.
 */
export function timingSafeFix(context: CodeRuleContext, b: ts.BinaryExpression): Fix | undefined {
  if (!isRepeatable(b.left) || !isRepeatable(b.right)) return undefined;
  const equal = timingSafeEqualName(context);
  if (!equal) return undefined;
  const l = `String(${b.left.getText(context.sourceFile)})`;
  const r = `String(${b.right.getText(context.sourceFile)})`;
  const test = `Buffer.byteLength(${l}) === Buffer.byteLength(${r}) && ${equal}(Buffer.from(${l}), Buffer.from(${r}))`;
  const negated = b.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || b.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken;
  const newText = negated ? `!(${test})` : needsParens(b) ? `(${test})` : test;
  return { description: 'Compare with crypto.timingSafeEqual', edits: [{ file: context.file, start: b.getStart(context.sourceFile), end: b.getEnd(), newText }], safe: true };
}

/** Identifiers, literals, property chains, `x['lit']`, templates of those and header getters such as `req.get('x-hub-signature')`. */
function isRepeatable(e: ts.Expression): boolean {
  const x = ts.isParenthesizedExpression(e) ? e.expression : e;
  if (ts.isIdentifier(x) || x.kind === ts.SyntaxKind.ThisKeyword || ts.isStringLiteralLike(x)) return true;
  if (ts.isTemplateExpression(x)) return x.templateSpans.every((s) => isRepeatable(s.expression));
  if (ts.isPropertyAccessExpression(x)) return isRepeatable(x.expression);
  if (ts.isElementAccessExpression(x)) return ts.isStringLiteralLike(x.argumentExpression) && isRepeatable(x.expression);
  if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression)) {
    const m = x.expression.name.text;
    return (m === 'get' || m === 'header') && x.arguments.length === 1 && ts.isStringLiteralLike(x.arguments[0]!) && isRepeatable(x.expression.expression);
  }
  return false;
}

/** Where `a && b` can replace `a === b` without parentheses. */
function needsParens(b: ts.BinaryExpression): boolean {
  const p = b.parent;
  if (ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isParenthesizedExpression(p) || ts.isReturnStatement(p) || ts.isVariableDeclaration(p) || ts.isArrowFunction(p) || ts.isExpressionStatement(p)) return false;
  if (ts.isConditionalExpression(p) && p.condition === b) return false;
  if (ts.isBinaryExpression(p)) {
    const k = p.operatorToken.kind;
    return !(k === ts.SyntaxKind.AmpersandAmpersandToken || k === ts.SyntaxKind.BarBarToken || k === ts.SyntaxKind.QuestionQuestionToken || k === ts.SyntaxKind.EqualsToken);
  }
  return true;
}

/** `crypto.timingSafeEqual`, a destructured `timingSafeEqual`, or `require('crypto').timingSafeEqual` in CommonJS. */
function timingSafeEqualName(context: CodeRuleContext): string | undefined {
  const model = context.model;
  for (const imp of model.nodes<ts.ImportDeclaration>(ts.SyntaxKind.ImportDeclaration)) {
    if (!ts.isStringLiteral(imp.moduleSpecifier) || !CRYPTO.has(imp.moduleSpecifier.text)) continue;
    const clause = imp.importClause;
    const nb = clause?.namedBindings;
    if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) if ((el.propertyName ?? el.name).text === 'timingSafeEqual') return el.name.text;
    if (nb && ts.isNamespaceImport(nb)) return `${nb.name.text}.timingSafeEqual`;
    if (clause?.name) return `${clause.name.text}.timingSafeEqual`;
  }
  for (const d of model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration)) {
    const init = d.initializer ? unwrap(d.initializer) : undefined;
    if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') continue;
    const a = init.arguments[0];
    if (!a || !ts.isStringLiteralLike(a) || !CRYPTO.has(a.text)) continue;
    if (ts.isIdentifier(d.name)) return `${d.name.text}.timingSafeEqual`;
    if (ts.isObjectBindingPattern(d.name)) {
      for (const el of d.name.elements) {
        const key = el.propertyName ? propertyName(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
        if (key === 'timingSafeEqual' && ts.isIdentifier(el.name)) return el.name.text;
      }
    }
  }
  const esm = context.sourceFile.statements.some((s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s) || ts.isExportAssignment(s));
  return esm || /\.m[jt]s$/i.test(context.file) ? undefined : `require('crypto').timingSafeEqual`;
}

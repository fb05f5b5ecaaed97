// Credentials another module of the app holds in what it exports (`module.exports = { web1on1: { token:
// process.env.W1_TOKEN } }`): the project index hands them to importers, so `logger.info(config)` or
// `pino.info({ token: config.web1on1.token })` in another file is known to print one.
import { ts } from '../../ts';
import type { FileModel } from '../../model/file-model';
import { accessChain, propertyName, unwrap } from '../../model/syntax';
import { credentialValue } from './credential-value';

const PRINTED = { objects: true };
/** Text without any of these holds no credential an export could carry: most modules stop here. */
const MAY_HOLD = /token|secret|passw|key|auth|credential|process\.env/i;

/**
 * Export name → what it holds, in words ('' for an export that holds none); an object export also gives
 * `name.member` for each member that holds one, and `module.exports = { … }` / `export default { … }` its members by
 * their names and `default` for itself. Undefined when nothing is held.
 */
export function exportedCredentials(model: FileModel): Record<string, string> | undefined {
  if (!MAY_HOLD.test(model.text)) return undefined;
  const out: Record<string, string> = {};
  // `scan` false: the statement's text names no credential; its exports are only named ('')
  let scan = true;
  const held = (e: ts.Expression) => (scan ? credentialValue(model, e, PRINTED) : undefined);
  const note = (name: string, value: ts.Expression) => {
    const v = unwrap(value);
    if (ts.isObjectLiteralExpression(v)) {
      for (const p of v.properties) {
        const key = p.name ? propertyName(p.name) : undefined;
        const member = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
        if (!key || !member) continue;
        const found = held(member);
        // members of the exports object are exports themselves (`const { server } = require('./config')`)
        if (name === 'default') out[key] = found ?? out[key] ?? '';
        else if (found) out[`${name}.${key}`] ??= found;
      }
    }
    // every export is named, '' when it holds nothing: an importer must tell `{ features }` from the module object
    const found = held(v);
    if (found || !(name in out)) out[name] = found ?? out[name] ?? '';
  };
  for (const stmt of model.sourceFile.statements) {
    // an export whose own text names no credential or env var holds none: most exports are functions and classes
    scan = MAY_HOLD.test(model.text.slice(stmt.pos, stmt.end));
    const exported = ts.canHaveModifiers(stmt) && !!ts.getModifiers(stmt)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isVariableStatement(stmt) && exported) {
      for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) note(d.name.text, d.initializer);
    } else if (ts.isExportAssignment(stmt) && !stmt.isExportEquals) {
      note('default', stmt.expression);
    } else if (ts.isExpressionStatement(stmt) && ts.isBinaryExpression(stmt.expression) && stmt.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const chain = accessChain(stmt.expression.left);
      const rest = chain?.[0] === 'module' ? chain.slice(1) : chain;
      if (rest?.[0] === 'exports' && rest.length <= 2) note(rest[1] ?? 'default', stmt.expression.right);
    }
  }
  return Object.values(out).some((v) => v !== '') ? out : undefined;
}

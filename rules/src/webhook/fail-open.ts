// Signature checks that run only when a secret is configured: `if (appSecret) { …check… }` or
// `if (secret && !valid(req)) reject`. Without the secret nothing is checked and every delivery is processed
// (fail-open), which is how most such apps run by default.
import { ts } from '../ts';
import type { FileModel } from '../model/file-model';
import { accessChain, unwrap } from '../model/syntax';
import { envVarName } from '../model/values';
import { isCredentialName } from '../lexicon/credentials/credential-value';
import { isSecretEnvName } from '../lexicon/credentials/credential-source';
import type { SignatureChecks } from './signature-checks';

export interface FailOpenGuard {
  /** The `if` statement whose condition makes the check optional. */
  statement: ts.IfStatement;
  /** The secret whose presence the check depends on, as written. */
  secret: string;
}

/** The guard when `stmt` runs a signature check only if a secret is set; undefined otherwise. */
export function failOpenGuard(model: FileModel, checks: SignatureChecks, stmt: ts.IfStatement): FailOpenGuard | undefined {
  const operands = conjuncts(stmt.expression);
  const secrets = operands.map((o) => secretPresence(model, o));
  const secret = secrets.find((s) => s !== undefined);
  if (!secret) return undefined;
  // if (secret && !valid(req)) reject: the check is one of the conditions
  const checkInCondition = operands.some((o, i) => secrets[i] === undefined && checks.hasCheck(o));
  // if (secret) { …check… }, with no else that refuses requests when it is missing
  const checkInBranch = !stmt.elseStatement && checks.hasCheck(stmt.thenStatement);
  return checkInCondition || checkInBranch ? { statement: stmt, secret } : undefined;
}

/** `a && b && c` → [a, b, c]; anything else is one operand. */
function conjuncts(e: ts.Expression): ts.Expression[] {
  const u = unwrap(e);
  if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [...conjuncts(u.left), ...conjuncts(u.right)];
  return [u];
}

/** `appSecret`, `this.app_secret`, `!!options.secret`, `process.env.APP_SECRET`: the test that a secret is set. */
function secretPresence(model: FileModel, e: ts.Expression): string | undefined {
  let u = unwrap(e);
  while (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken && ts.isPrefixUnaryExpression(unwrap(u.operand)) && (unwrap(u.operand) as ts.PrefixUnaryExpression).operator === ts.SyntaxKind.ExclamationToken) {
    u = unwrap((unwrap(u.operand) as ts.PrefixUnaryExpression).operand);
  }
  const env = envVarName(u);
  if (env) return isSecretEnvName(env) ? u.getText(model.sourceFile) : undefined;
  const chain = accessChain(u);
  const last = chain?.[chain.length - 1];
  if (!last || !isCredentialName(last)) return undefined;
  return u.getText(model.sourceFile);
}

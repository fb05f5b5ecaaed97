// Signature checks that run only under a condition the sender or the configuration controls, so that without it
// every delivery is processed (fail-open):
//   secret: only when a secret is configured (`if (appSecret) { …check… }`, `if (secret && !valid(req)) reject`);
//   header: only when the request carries a signature (`if (!signature) { log } else { …check… }`);
//   switch: only while an option leaves it on (`if (!this.skipSignatureCheck) { …check… }`,
//           `if (opts.checkSignature && !checkSignature(req)) reject`).
import { ts } from '../ts';
import type { FileModel } from '../model/file-model';
import { accessChain, unwrap } from '../model/syntax';
import { envVarName } from '../model/values';
import { isCredentialName } from '../lexicon/credentials/credential-value';
import { isSecretEnvName } from '../lexicon/credentials/credential-source';
import { words, type SignatureChecks } from './signature-checks';

export type GuardKind = 'secret' | 'header' | 'switch';

export interface FailOpenGuard {
  /** The `if` statement whose condition makes the check optional. */
  statement: ts.IfStatement;
  kind: GuardKind;
  /** What the check depends on, as written (the secret, the header value, the option). */
  secret: string;
}

/** A condition operand that decides whether the check runs: when `runsCheck` is what it must be for it to run. */
interface Condition { kind: GuardKind; text: string; runsCheck: boolean }

/** Words of an option that turns the check off (`skipSignatureCheck`, `disableVerification`, `insecure`). */
const OFF_WORDS = new Set(['skip', 'disable', 'disabled', 'ignore', 'bypass', 'no', 'without', 'insecure', 'unsafe']);
/** Words of an option that keeps it on (`checkSignature`, `verifySignature`, `validateSignatures`). */
const ON_WORDS = new Set(['check', 'verify', 'validate', 'enforce', 'require']);
const CHECK_WORDS = new Set(['signature', 'signatures', 'sig', 'hmac', 'verification', 'verify', 'check', 'validation']);
const REFUSING_STATUS = /^4\d\d$/;

/** The guard when `stmt` runs a signature check only under a condition that can be false; undefined otherwise. */
export function failOpenGuard(model: FileModel, checks: SignatureChecks, stmt: ts.IfStatement): FailOpenGuard | undefined {
  const operands = conjuncts(stmt.expression);
  const conds = operands.map((o) => condition(model, checks, o));
  const found = conds.findIndex((c) => c !== undefined);
  if (found < 0) return undefined;
  const cond = conds[found]!;
  const guard = { statement: stmt, kind: cond.kind, secret: cond.text };
  if (cond.runsCheck) {
    // if (secret && !valid(req)) reject: the check is one of the conditions
    const checkInCondition = operands.some((o, i) => conds[i] === undefined && checks.hasCheck(o));
    // if (secret) { …check… }, with no else that refuses requests when it is missing
    const checkInBranch = !stmt.elseStatement && checks.hasCheck(stmt.thenStatement);
    return checkInCondition || checkInBranch ? guard : undefined;
  }
  // if (!signature) { console.error(…) } else { …check… }: the branch without the check lets the request through
  if (operands.length !== 1 || !stmt.elseStatement) return undefined;
  return !refuses(stmt.thenStatement) && checks.hasCheck(stmt.elseStatement) ? guard : undefined;
}

/** `a && b && c` → [a, b, c]; anything else is one operand. */
function conjuncts(e: ts.Expression): ts.Expression[] {
  const u = unwrap(e);
  if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [...conjuncts(u.left), ...conjuncts(u.right)];
  return [u];
}

function condition(model: FileModel, checks: SignatureChecks, e: ts.Expression): Condition | undefined {
  let u = unwrap(e);
  let runsCheck = true;
  while (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken) {
    runsCheck = !runsCheck;
    u = unwrap(u.operand);
  }
  const text = u.getText(model.sourceFile);
  const option = switchWords(model, u);
  if (option) return { kind: 'switch', text, runsCheck: option === 'on' ? runsCheck : !runsCheck };
  if (namesSecret(u)) return { kind: 'secret', text, runsCheck };
  if (checks.isReceivedSignature(u)) return { kind: 'header', text, runsCheck };
  return undefined;
}

/** `appSecret`, `this.app_secret`, `process.env.APP_SECRET`: a secret whose presence is tested. */
function namesSecret(u: ts.Expression): boolean {
  const env = envVarName(u);
  if (env) return isSecretEnvName(env);
  const chain = accessChain(u);
  const last = chain?.[chain.length - 1];
  return !!last && isCredentialName(last);
}

/**
 * An option (a property, or a variable that is no function of the file) named as switching the signature check
 * on (`that.checkSignature`) or off (`this.skipSignatureCheck`).
 */
function switchWords(model: FileModel, u: ts.Expression): 'on' | 'off' | undefined {
  let name: string;
  if (ts.isPropertyAccessExpression(u)) name = u.name.text;
  else if (ts.isIdentifier(u) && !model.functionsByName.has(u.text) && !model.requireBindings.has(u.text)) name = u.text;
  else return undefined;
  const w = words(name);
  if (!w.some((x) => CHECK_WORDS.has(x))) return undefined;
  if (w.some((x) => OFF_WORDS.has(x))) return 'off';
  return ON_WORDS.has(w[0]!) && w.length > 1 && w.slice(1).some((x) => CHECK_WORDS.has(x)) ? 'on' : undefined;
}

/** The branch ends the request: it throws, returns, or answers with a 4xx status. */
function refuses(branch: ts.Statement): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isThrowStatement(n) || ts.isReturnStatement(n)) found = true;
    else if (ts.isCallExpression(n) && n.arguments.some((a) => ts.isNumericLiteral(a) && REFUSING_STATUS.test(a.text))) found = true;
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isNumericLiteral(n.right) && REFUSING_STATUS.test(n.right.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(branch);
  return found;
}

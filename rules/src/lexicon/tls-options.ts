// Options that switch off TLS verification (rules/data/tls-options.json), and the constant value an option gets.
import data from '../../data/tls-options.json';
import { ts } from '../ts';
import type { ValueResolver } from '../model/values';
import { unwrap } from '../model/syntax';

const OFF_WHEN_FALSE: ReadonlySet<string> = new Set(data.offWhenFalse);
const OFF_WHEN_TRUE: ReadonlySet<string> = new Set(data.offWhenTrue);
const CURL_OPTIONS: ReadonlyMap<string, string> = new Map(Object.entries(data.curlOptions));
const INSECURE_PARENTS: ReadonlySet<string> = new Set(data.insecure.parents);
const METHODS: ReadonlySet<string> = new Set(data.methods);

export const TLS_ENV_VARIABLE: string = data.envVariable;
export const HOSTNAME_CHECK: string = data.hostnameCheck;

/**
 * `checkServerIdentity: () => undefined`, `checkServerIdentity() {}`: a host-name check that never returns an
 * error, so a certificate for any name is accepted.
 */
export function acceptsEveryName(fn: ts.Node): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn) && !ts.isMethodDeclaration(fn)) return false;
  const body = fn.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return isNothing(body);
  let returnsSomething = false;
  const visit = (n: ts.Node): void => {
    if (returnsSomething || ts.isFunctionLike(n)) return;
    if ((ts.isReturnStatement(n) && n.expression && !isNothing(n.expression)) || ts.isThrowStatement(n)) returnsSomething = true;
    else ts.forEachChild(n, visit);
  };
  body.statements.forEach(visit);
  return !returnsSomething;
}

function isNothing(e: ts.Expression): boolean {
  const u = unwrap(e);
  return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === 'undefined') || ts.isVoidExpression(u);
}

/** A constant value as JS sees it when it decides: true, false, a number, a string; undefined when unknown. */
export type Constant = boolean | number | string | undefined;

/** What an option's value is, through constants of the file, `!` and parentheses. */
export function constantOf(values: ValueResolver, node: ts.Expression | undefined, depth = 0): Constant {
  if (!node || depth > 8) return undefined;
  const e = unwrap(node);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = constantOf(values, e.operand, depth + 1);
    return inner === undefined ? undefined : !inner;
  }
  if (ts.isIdentifier(e)) {
    const init = values.initializerOf(e.text);
    return init ? constantOf(values, init, depth + 1) : undefined;
  }
  if (ts.isPropertyAccessExpression(e)) {
    const obj = values.objectLiteral(e.expression);
    const member = obj?.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === e.name.text);
    return member && ts.isPropertyAssignment(member) ? constantOf(values, member.initializer, depth + 1) : undefined;
  }
  return undefined;
}

/** The value that verifies, when `option: value` switches verification off (`rejectUnauthorized: false` → 'true'); else undefined. */
export function verifyingValue(option: string, value: Constant, parent: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (OFF_WHEN_FALSE.has(option)) return value === false || value === 0 ? 'true' : undefined;
  if (OFF_WHEN_TRUE.has(option)) return value === true ? 'false' : undefined;
  const curl = CURL_OPTIONS.get(option);
  if (curl) return value === false || value === 0 || value === '0' ? curl : undefined;
  if (option === data.insecure.option && parent && INSECURE_PARENTS.has(parent)) return value === true ? 'false' : undefined;
  return undefined;
}

/** An option some value of which switches verification off (verifyingValue can answer for it). */
export function isVerificationOption(option: string): boolean {
  return OFF_WHEN_FALSE.has(option) || OFF_WHEN_TRUE.has(option) || CURL_OPTIONS.has(option) || option === data.insecure.option;
}

/** A libcurl option name (`SSL_VERIFYPEER`), for `curl.setOpt(name, value)`. */
export function isCurlOption(name: string): boolean {
  return CURL_OPTIONS.has(name);
}

/** `request.disableTLSCerts()`. */
export function isDisablingMethod(name: string): boolean {
  return METHODS.has(name);
}

/** The env value that switches verification off for the whole process. */
export function isTlsOffEnvValue(value: Constant): boolean {
  return value === '0' || value === 0 || value === false;
}

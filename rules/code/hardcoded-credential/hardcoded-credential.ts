import { ts } from '../../src/ts';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { envNameFor, moveToEnvFix } from '../../src/fixes/env-fix';
import { accessChain, calleeName, propertyName, unwrap } from '../../src/model/syntax';
import { envVarName } from '../../src/model/values';
import type { Fix } from '../../src/types';
import { HOLE_BASE, inUrlCredentialPart } from '../../src/lexicon/credentials/url-parts';
import { credentialKind, credentialShape, isHighEntropy, isPasswordShaped, isPlaceholder, mask, providerLabel, type CredentialKind, type CredentialShape } from '../../src/lexicon/credentials/secret-shape';

/** Where a literal sits: the key, variable or header it is assigned to. */
interface NameContext {
  name: string;
  kind: CredentialKind | undefined;
  /** The node the fix replaces (the literal, or `process.env.X || 'literal'` as a whole). */
  replace: ts.Node;
  /** The literal is assigned to `process.env.X` itself: moving it to the environment is the only fix. */
  envAssignment?: boolean;
  /** `process.env.X || 'literal'`: the name is the env var's own. */
  envFallback?: boolean;
  jsx?: boolean;
}

const AUTH_HEADERS = new Set(['authorization', 'proxy-authorization']);
const HEADER_SETTERS = new Set(['set', 'setHeader', 'header', 'append']);
const KEY_CALLS = new Map<string, { module: string[]; alias: string; arg: number; env: string }>([
  ['sign', { module: ['jsonwebtoken'], alias: 'jwt', arg: 1, env: 'JWT_SECRET' }],
  ['verify', { module: ['jsonwebtoken'], alias: 'jwt', arg: 1, env: 'JWT_SECRET' }],
  ['createHmac', { module: ['crypto', 'node:crypto'], alias: 'crypto', arg: 1, env: 'HMAC_SECRET' }],
  ['createCipheriv', { module: ['crypto', 'node:crypto'], alias: 'crypto', arg: 1, env: 'ENCRYPTION_KEY' }],
  ['createDecipheriv', { module: ['crypto', 'node:crypto'], alias: 'crypto', arg: 1, env: 'ENCRYPTION_KEY' }],
]);

export default createCodeRule({
  meta: {
    id: 'hardcoded-credential',
    target: 'code',
    description: 'API tokens, keys, passwords and signing secrets written into the source instead of read from the environment.',
    clauses: ['B.2'],
    severity: 'error',
    securitySeverity: 8.5,
    fixable: true,
    messages: {
      literal: 'Hard-coded {{what}}{{where}} ({{masked}}): anyone who can read the code or the package can use it',
      cryptoKey: 'Literal key passed to {{callee}} ({{masked}}): anyone who can read the code can forge or decrypt with it',
      header: 'Hard-coded {{scheme}} credential in the {{name}} header ({{masked}}): anyone who can read the code can call the API as this app',
    },
  },
  create(context) {
    const reported = new Set<ts.Node>();
    const severity = context.isTestFile ? ('info' as const) : undefined;

    const report = (node: ts.Node, messageId: string, data: Record<string, string>, fix: Fix | undefined) => {
      reported.add(node);
      context.report({ messageId, data, start: node.getStart(context.sourceFile), end: node.getEnd(), severity, fixes: fix ? [fix] : [] });
    };

    const visitLiteral = (node: ts.Node) => {
      const lit = node as ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
      // neither a credential shape nor an Authorization value fits in fewer than 8 characters
      if (lit.text.length < 8 || reported.has(lit) || isPropertyKey(lit)) return;
      const ctx = nameContext(lit);
      if (ctx && AUTH_HEADERS.has(ctx.name.toLowerCase())) {
        const cred = authorizationCredential(lit.text);
        if (cred) report(lit, 'header', { scheme: cred.scheme, name: ctx.name, masked: mask(cred.value) }, envFix(context, ctx, cred.scheme === 'Basic' ? 'BASIC_AUTH' : 'API_TOKEN', `${cred.scheme} `));
        return;
      }
      const shape = credentialShape(lit.text, ctx?.kind, ctx?.name);
      if (!shape || inUrlCredentialPart(lit.text, lit.text.indexOf(shape.value))) return;
      const envName = ctx?.envFallback ? ctx.name : ctx?.kind ? envNameFor(ctx.name) : shape.provider ? envNameFor(shape.provider) : 'API_TOKEN';
      report(lit, 'literal', { what: describe(shape), where: ctx?.kind ? ` in "${ctx.name}"` : '', masked: mask(shape.value) }, envFix(context, ctx ?? { name: envName, kind: undefined, replace: lit }, envName));
    };

    return {
      [ts.SyntaxKind.CallExpression](node) {
        const call = node as ts.CallExpression;
        const target = keyCall(context, call);
        if (!target) return;
        const lit = literalOf(context, call.arguments[target.arg]);
        // a PEM has line breaks, so a public key for jwt.verify counts as a placeholder here; private keys are provider matches
        if (!lit || reported.has(lit) || isPlaceholder(lit.text)) return;
        const declared = ts.isVariableDeclaration(lit.parent) && ts.isIdentifier(lit.parent.name) ? lit.parent.name.text : undefined;
        const envName = declared ? envNameFor(declared) : target.env;
        report(lit, 'cryptoKey', { callee: target.label, masked: mask(lit.text) }, envFix(context, { name: envName, kind: 'secret', replace: lit }, envName));
      },
      [ts.SyntaxKind.StringLiteral]: visitLiteral,
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: visitLiteral,
      [ts.SyntaxKind.TemplateExpression](node) {
        // provider keys and JWTs in the fixed parts of a template; those in a URL's query or user-info are credential-in-url's
        const t = node as ts.TemplateExpression;
        const hole = String.fromCharCode(HOLE_BASE);
        const text = t.head.text + t.templateSpans.map((s) => hole + s.literal.text).join('');
        const shape = credentialShape(text.split(hole).join(' '));
        if (shape && !inUrlCredentialPart(text, text.indexOf(shape.value))) report(t, 'literal', { what: describe(shape), where: '', masked: mask(shape.value) }, undefined);
      },
    };
  },
});

function describe(shape: CredentialShape): string {
  if (shape.shape === 'provider') return providerLabel(shape.provider!);
  if (shape.shape === 'jwt') return 'JWT';
  return shape.shape === 'password' ? 'password' : 'credential';
}

function isPropertyKey(lit: ts.Node): boolean {
  const p = lit.parent;
  return (ts.isPropertyAssignment(p) && p.name === lit) || ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p) || ts.isLiteralTypeNode(p);
}

/** `name` or `ns:name`, as written. */
function jsxAttributeName(name: ts.JsxAttributeName): string {
  return ts.isIdentifier(name) ? name.text : `${name.namespace.text}:${name.name.text}`;
}

// module-level rather than a closure per literal: this runs for every string in the file
function named(lit: ts.Expression, name: string | undefined, extra?: Partial<NameContext>): NameContext | undefined {
  return name ? { name, kind: credentialKind(name), replace: lit, ...extra } : undefined;
}

function nameContext(lit: ts.Expression): NameContext | undefined {
  const p = lit.parent;
  if (ts.isPropertyAssignment(p) && p.initializer === lit) return named(lit, propertyName(p.name));
  if (ts.isVariableDeclaration(p) && p.initializer === lit && ts.isIdentifier(p.name)) return named(lit, p.name.text);
  if (ts.isParameter(p) && p.initializer === lit && ts.isIdentifier(p.name)) return named(lit, p.name.text);
  if (ts.isJsxAttribute(p) && p.initializer === lit) return named(lit, jsxAttributeName(p.name), { jsx: true });
  if (ts.isBinaryExpression(p) && p.right === lit) {
    const op = p.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) {
      const env = envVarName(p.left);
      return named(lit, env ?? accessChain(p.left)?.at(-1), env ? { envAssignment: true } : undefined);
    }
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      // `process.env.TOKEN || 'eyJ…'`: the fix drops the fallback
      const env = envVarName(p.left);
      if (env) return { name: env, kind: credentialKind(env), replace: p, envFallback: true };
      return named(lit, accessChain(p.left)?.at(-1));
    }
  }
  if (ts.isCallExpression(p) && p.arguments[1] === lit && HEADER_SETTERS.has(calleeName(p) ?? '')) {
    const header = p.arguments[0];
    if (header && ts.isStringLiteralLike(header)) return named(lit, header.text);
  }
  return undefined;
}

/** `Bearer <token>`, `Token <token>`, `Basic <base64 user:password>` with a credential-shaped value. */
function authorizationCredential(text: string): { scheme: string; value: string } | undefined {
  const m = /^\s*(Bearer|Token|Basic)\s+(\S{1,4096})\s*$/i.exec(text);
  if (!m) return undefined;
  const scheme = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
  const value = m[2]!;
  if (scheme === 'Basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const password = colon > 0 ? decoded.slice(colon + 1) : '';
    return password && !isPlaceholder(password) && (isPasswordShaped(password) || isHighEntropy(password)) ? { scheme, value } : undefined;
  }
  return credentialShape(value, 'token') ? { scheme, value } : undefined;
}

function keyCall(context: CodeRuleContext, call: ts.CallExpression): { arg: number; label: string; env: string } | undefined {
  const callee = unwrap(call.expression);
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  const spec = method ? KEY_CALLS.get(method) : undefined;
  if (!spec || !method) return undefined;
  // jwt.sign / crypto.createHmac on the module (or its usual alias), or a function imported from it
  const owner = ts.isPropertyAccessExpression(callee) ? (ts.isIdentifier(callee.expression) ? callee.expression.text : undefined) : method;
  if (!owner) return undefined;
  const fromModule = spec.module.includes(moduleOf(context, owner) ?? '');
  if (!fromModule && !(owner !== method && owner === spec.alias)) return undefined;
  return { arg: spec.arg, label: `${spec.alias}.${method}`, env: spec.env };
}

function moduleOf(context: CodeRuleContext, name: string): string | undefined {
  return context.model.requireBindings.get(name) ?? context.model.imports.find((i) => i.names.includes(name))?.spec;
}

/** The literal an argument is, directly or through a constant declared once in the file. */
function literalOf(context: CodeRuleContext, arg: ts.Expression | undefined): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined {
  if (!arg) return undefined;
  let e = unwrap(arg);
  if (ts.isIdentifier(e)) {
    const init = context.model.values.initializerOf(e.text);
    if (!init) return undefined;
    e = unwrap(init);
  }
  return ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? e : undefined;
}

function envFix(context: CodeRuleContext, ctx: NameContext, envName: string, prefix?: string): Fix | undefined {
  if (ctx.envAssignment) return undefined;
  const env = `process.env.${envName}`;
  let replacement = prefix ? `\`${prefix}\${${env}}\`` : env;
  if (ctx.jsx) replacement = `{${replacement}}`;
  const appRoot = context.envExample.path.slice(0, context.envExample.path.lastIndexOf('/'));
  return moveToEnvFix({ file: context.file, start: ctx.replace.getStart(context.sourceFile), end: ctx.replace.getEnd(), envName, appRoot, envExampleText: context.envExample.text, replacement });
}

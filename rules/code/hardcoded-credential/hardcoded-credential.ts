import { ts } from '../../src/ts';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { keyLiteral, keySinkOf } from '../../src/lexicon/credentials/key-sinks';
import { envNameFor, moveToEnvFix } from '../../src/fixes/env-fix';
import { accessChain, calleeName, propertyName } from '../../src/model/syntax';
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

    /** A literal key handed to jwt, jose, crypto, express-jwt …, however it is named (rules/data/key-sinks.json). */
    const visitKeySink = (node: ts.Node) => {
      const sink = keySinkOf(context.model, node as ts.CallExpression | ts.NewExpression);
      const lit = sink ? keyLiteral(context.model, sink.key) : undefined;
      // a PEM has line breaks, so a public key for jwt.verify counts as a placeholder here; private keys are provider matches
      if (!sink || !lit || reported.has(lit) || isPlaceholder(lit.text)) return;
      const ctx = nameContext(lit);
      if (ctx?.envFallback) return report(lit, 'cryptoKey', { callee: sink.label, masked: mask(lit.text) }, envFix(context, ctx, ctx.name));
      const declared = ts.isVariableDeclaration(lit.parent) && ts.isIdentifier(lit.parent.name) ? lit.parent.name.text : undefined;
      const envName = declared ? envNameFor(declared) : sink.env;
      report(lit, 'cryptoKey', { callee: sink.label, masked: mask(lit.text) }, envFix(context, { name: envName, kind: 'secret', replace: lit }, envName));
    };

    return {
      [ts.SyntaxKind.CallExpression]: visitKeySink,
      [ts.SyntaxKind.NewExpression]: visitKeySink,
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

function envFix(context: CodeRuleContext, ctx: NameContext, envName: string, prefix?: string): Fix | undefined {
  if (ctx.envAssignment) return undefined;
  const env = `process.env.${envName}`;
  let replacement = prefix ? `\`${prefix}\${${env}}\`` : env;
  if (ctx.jsx) replacement = `{${replacement}}`;
  const appRoot = context.envExample.path.slice(0, context.envExample.path.lastIndexOf('/'));
  return moveToEnvFix({ file: context.file, start: ctx.replace.getStart(context.sourceFile), end: ctx.replace.getEnd(), envName, appRoot, envExampleText: context.envExample.text, replacement });
}

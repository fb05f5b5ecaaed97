import { ts } from '../ts';
import type { FileModel } from '../model/file-model';
import { accessChain, calleeName, isFunctionLike, propertyName, unwrap } from '../model/syntax';
import receivers from '../../data/webhook-receivers.json';
import { isBotObject } from './webhook-receivers';

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);
const SIGNATURE_WORDS = new Set(['sig', 'signature', 'signatures', 'hmac', 'xhub']);
const TIMING_SAFE_MODULES = new Set(['tsscmp', 'safe-compare', 'scmp', 'secure-compare']);
/** Calls that authenticate a delivery by themselves: timing-safe compares, JWT and provider SDK verifiers. */
const VERIFYING_CALLS: ReadonlySet<string> = new Set(receivers.verifyingCalls);
/** Headers that carry a platform's shared secret (Telegram's secret token): comparing one authenticates the sender. */
const AUTH_HEADERS: ReadonlySet<string> = new Set(receivers.authHeaders);
/** Provider SDK middleware that verifies deliveries (`twilio.webhook()`): module → export names. */
const VERIFIER_MIDDLEWARE: Readonly<Record<string, readonly string[]>> = receivers.verifierMiddleware;
const BODY_PARSERS = new Set(['json', 'raw', 'text', 'urlencoded']);
/**
 * Middleware imported from a package (or from a module of the app whose export the analysis cannot read) whose
 * name says it verifies webhook signatures (`verifyWebhook`, `checkSignature`, `hmacGuard`): trusted, nothing
 * shows what it does. `verifyToken` (JWT auth) is not one. What another module of the app exports is judged by
 * what it does instead (ImportedVerifiers).
 */
export const VERIFIER_NAME = /signature|hmac|verif\w{0,20}(?:hook|hub)/i;

/** What the project index knows of relatively imported modules: specifier → export name → whether it verifies. */
export type ImportedVerifiers = Readonly<Record<string, Readonly<Record<string, boolean>>>>;

/** `x-hub-signature` → ['x','hub','signature']; `expectedSig` → ['expected','sig']. */
export function words(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** The name ends in a signature word (`expectedSig`, `hubSignature`, `X-Hub-Signature-256`), not `signatureHeader`. */
function namesSignature(name: string): boolean {
  if (AUTH_HEADERS.has(name.toLowerCase())) return true;
  const w = words(name);
  return SIGNATURE_WORDS.has(w[w.length - 1] ?? '') || w.join('-').includes('x-hub-signature');
}

/**
 * What the file does to authenticate webhook requests: signature comparisons (timing-safe or not),
 * functions that verify, and middleware expressions that verify before a handler runs.
 */
export class SignatureChecks {
  private readonly importedNames = new Set<string>();
  private readonly fnVerdict = new Map<ts.Node, boolean>();
  private fileHasCheck: boolean | undefined;

  constructor(
    private readonly model: FileModel,
    private readonly imported: ImportedVerifiers = {},
  ) {
    for (const imp of model.imports) for (const n of imp.names) this.importedNames.add(n);
  }

  /**
   * An imported function (`local`, or `local.property` of an imported module) that verifies: what the importing
   * module's export does when the project index has read it, else what its name says.
   */
  private trustedImport(local: string, property?: string): boolean {
    if (!this.importedNames.has(local)) return false;
    const verdict = this.importedVerdict(local, property);
    return verdict ?? VERIFIER_NAME.test(property ?? local);
  }

  private importedVerdict(local: string, property: string | undefined): boolean | undefined {
    // `const { verify } = require('./x')` / `import verify from './x'`: the export the local name is bound to
    const bound = this.model.sdk.importedFunctions.get(local);
    const spec = bound?.spec ?? this.model.requireBindings.get(local);
    const table = spec !== undefined && Object.hasOwn(this.imported, spec) ? this.imported[spec] : undefined;
    if (!table) return undefined;
    const exportName = property === undefined ? (bound?.exportName ?? 'default') : bound === undefined || bound.exportName === 'default' ? property : undefined;
    return exportName !== undefined && Object.hasOwn(table, exportName) ? table[exportName] : undefined;
  }

  /** `a === b` where a side is a signature value and neither side is a literal, typeof, or a length. */
  isSignatureComparison(node: ts.Node): node is ts.BinaryExpression {
    if (!ts.isBinaryExpression(node) || !EQUALITY.has(node.operatorToken.kind)) return false;
    const l = unwrap(node.left);
    const r = unwrap(node.right);
    if (isInert(l) || isInert(r)) return false;
    return this.isSignatureValue(l) || this.isSignatureValue(r);
  }

  /** A computed or received signature: header reads, HMAC digests, variables holding them. */
  isSignatureValue(expr: ts.Expression, depth = 0): boolean {
    if (depth > 6) return false;
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) {
      if (namesSignature(e.text)) return true;
      const init = this.initializerInScope(e) ?? this.model.values.initializerOf(e.text);
      return !!init && this.isSignatureValue(init, depth + 1);
    }
    if (ts.isPropertyAccessExpression(e)) return namesSignature(e.name.text);
    if (ts.isElementAccessExpression(e)) {
      const key = this.model.values.string(e.argumentExpression);
      return !!key?.exact && namesSignature(key.text);
    }
    if (ts.isCallExpression(e)) {
      if (/createHmac\s*\(/.test(e.getText(this.model.sourceFile))) return true;
      const name = calleeName(e);
      if (name && namesSignature(name)) return true;
      // req.get('X-Hub-Signature') / req.header(…) / headers.get(…)
      const arg = this.model.values.string(e.arguments[0]);
      return (name === 'get' || name === 'header') && !!arg?.exact && namesSignature(arg.text);
    }
    if (ts.isTemplateExpression(e)) return e.templateSpans.some((s) => this.isSignatureValue(s.expression, depth + 1));
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return this.isSignatureValue(e.left, depth + 1) || this.isSignatureValue(e.right, depth + 1);
    return false;
  }

  /** A signature the request carries: a header or query read, or a variable holding one (not one computed here). */
  isReceivedSignature(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    // a call computes or checks a signature (`checkSignature(query)`); only `req.get('x-hub-signature')` reads one
    if (ts.isCallExpression(e) && calleeName(e) !== 'get' && calleeName(e) !== 'header') return false;
    if (!this.isSignatureValue(e)) return false;
    const source = ts.isIdentifier(e) ? (this.initializerInScope(e) ?? this.model.values.initializerOf(e.text)) : e;
    return !!source && /header|\.get\s*\(|query/i.test(source.getText(this.model.sourceFile));
  }

  isTimingSafeCall(node: ts.Node): boolean {
    if (!ts.isCallExpression(node)) return false;
    const name = calleeName(node);
    if (name && VERIFYING_CALLS.has(name)) return true;
    const callee = unwrap(node.expression);
    const root = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? accessChain(callee)?.[0] : undefined;
    return !!root && TIMING_SAFE_MODULES.has(this.model.requireBindings.get(root) ?? '');
  }

  /** The function body compares a signature (in any way) or calls a function of the file that does. */
  verifiesIn(fn: ts.FunctionLikeDeclaration): boolean {
    const known = this.fnVerdict.get(fn);
    if (known !== undefined) return known;
    this.fnVerdict.set(fn, false); // recursion guard
    const verdict = this.firstCheck(fn, Infinity) !== undefined;
    this.fnVerdict.set(fn, verdict);
    return verdict;
  }

  /**
   * Whether the file holds any signature check at all. Every check inside a statement or function is also one of
   * the file's, so where this is false no statement can compare, guard or drop a check: the per-statement questions
   * (which follow values) are skipped.
   */
  anyInFile(): boolean {
    // from the model's lists of calls and comparisons (the only nodes that can be checks), not another walk
    this.fileHasCheck ??=
      this.model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression).some((n) => this.isCheckNode(n, this.model.sourceFile)) ||
      this.model.nodes<ts.BinaryExpression>(ts.SyntaxKind.BinaryExpression).some((n) => this.isSignatureComparison(n));
    return this.fileHasCheck;
  }

  /** The statement or expression is, or contains, a signature check (a call of a verifier counts). */
  hasCheck(node: ts.Node): boolean {
    return this.firstCheck(node, Infinity, true) !== undefined;
  }

  /** `n` itself is a check: a timing-safe compare, a signature comparison, or a call of a verifier (other than `scope`). */
  private isCheckNode(n: ts.Node, scope: ts.Node): boolean {
    if (this.isTimingSafeCall(n) || this.isSignatureComparison(n)) return true;
    if (!ts.isCallExpression(n)) return false;
    const callee = unwrap(n.expression);
    if (ts.isIdentifier(callee)) {
      const local = this.model.functionsByName.get(callee.text);
      return (!!local && local !== scope && this.verifiesIn(local)) || (!local && this.trustedImport(callee.text));
    }
    // security.verifyWebhook(req) on a module of the app imported whole
    return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && this.trustedImport(callee.expression.text, callee.name.text);
  }

  /** The first signature check inside `scope` (or `scope` itself, with `includeScope`) that starts before `before`, if any. */
  firstCheck(scope: ts.Node, before: number, includeScope = false): ts.Node | undefined {
    let found: ts.Node | undefined;
    const visit = (n: ts.Node): void => {
      // pos (before leading trivia) is cheap, and no node can start inside another's trivia
      if (found || n.pos >= before) return;
      if (this.isCheckNode(n, scope)) {
        found = n;
        return;
      }
      ts.forEachChild(n, visit);
    };
    if (includeScope) visit(scope);
    else ts.forEachChild(scope, visit);
    return found;
  }

  private readonly blockDecls = new Map<ts.Node, Map<string, ts.Expression>>();

  /**
   * The initializer of the nearest `const x = …` in an enclosing block: names such as `expected` are
   * declared in several functions of one file, where the file-wide resolver gives up.
   */
  private initializerInScope(id: ts.Identifier): ts.Expression | undefined {
    for (let cur: ts.Node | undefined = id.parent; cur; cur = cur.parent) {
      if (!ts.isBlock(cur) && !ts.isSourceFile(cur)) continue;
      let decls = this.blockDecls.get(cur);
      if (!decls) {
        decls = new Map();
        for (const stmt of cur.statements) {
          if (!ts.isVariableStatement(stmt)) continue;
          for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer && !decls.has(d.name.text)) decls.set(d.name.text, d.initializer);
        }
        this.blockDecls.set(cur, decls);
      }
      const init = decls.get(id.text);
      if (init) return init;
    }
    return undefined;
  }

  /** A middleware argument that rejects requests whose signature does not verify. */
  isVerifierExpr(expr: ts.Expression | undefined, depth = 0): boolean {
    if (!expr || depth > 6) return false;
    const e = unwrap(expr);
    if (isFunctionLike(e)) return this.verifiesIn(e);
    if (ts.isArrayLiteralExpression(e)) return e.elements.some((x) => this.isVerifierExpr(x, depth + 1));
    if (ts.isIdentifier(e)) {
      const fn = this.model.functionsByName.get(e.text);
      if (fn) return this.verifiesIn(fn);
      // `const verify = require('./verify')`: the module's export, not the require call that binds it
      if (this.importedNames.has(e.text)) return this.trustedImport(e.text);
      const init = this.model.values.initializerOf(e.text);
      if (init) return this.isVerifierExpr(init, depth + 1);
      return this.trustedImport(e.text);
    }
    if (ts.isPropertyAccessExpression(e)) {
      const chain = accessChain(e);
      const root = chain?.[0];
      const spec = root ? this.model.requireBindings.get(root) : undefined;
      if (chain?.length === 2 && spec && Object.hasOwn(VERIFIER_MIDDLEWARE, spec) && VERIFIER_MIDDLEWARE[spec]!.includes(e.name.text)) return true;
      // security.verifyWebhook: the module's export; deeper chains (lib.hooks.verify) by name only
      if (!root) return false;
      // botly.getVerifySignature(secret): a bot framework's own verifier, named as one
      if (VERIFIER_NAME.test(e.name.text) && isBotObject(chain!.slice(0, -1).join('.'))) return true;
      return chain!.length === 2 ? this.trustedImport(root, e.name.text) : this.importedNames.has(root) && VERIFIER_NAME.test(e.name.text);
    }
    if (ts.isCallExpression(e)) {
      const callee = unwrap(e.expression);
      // express.json({ verify }) / bodyParser.raw({ verify }): body-parser answers 403 when verify throws
      const name = calleeName(e);
      if (name && BODY_PARSERS.has(name)) {
        const opts = this.model.values.objectLiteral(e.arguments[0]);
        const verify = opts?.properties.find((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isMethodDeclaration(p)) && p.name && propertyName(p.name) === 'verify');
        if (!verify) return false;
        if (ts.isMethodDeclaration(verify)) return this.verifiesIn(verify);
        return this.isVerifierExpr(ts.isPropertyAssignment(verify) ? verify.initializer : (verify as ts.ShorthandPropertyAssignment).name, depth + 1);
      }
      // a factory: verifySignature(secret) / makeVerifier(secret) / security.verifyWebhook(secret)
      return this.isVerifierExpr(callee, depth + 1);
    }
    return false;
  }

  /** `express.json()`, `bodyParser.json()` …: once one has run, the raw body is gone. */
  isBodyParser(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    if (!ts.isCallExpression(e)) return false;
    const name = calleeName(e);
    return !!name && BODY_PARSERS.has(name) && ts.isPropertyAccessExpression(e.expression);
  }
}

/** Literals, null/undefined, booleans, typeof and lengths: comparing those is not comparing signatures. */
function isInert(e: ts.Expression): boolean {
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isIdentifier(e) && e.text === 'undefined') return true;
  if (ts.isTypeOfExpression(e) || ts.isVoidExpression(e) || ts.isPrefixUnaryExpression(e)) return true;
  if (ts.isPropertyAccessExpression(e) && (e.name.text === 'length' || e.name.text === 'byteLength')) return true;
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    if (name === 'byteLength' || name === 'length' || name === 'compare') return true;
  }
  return false;
}

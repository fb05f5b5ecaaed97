// Whether an expression holds a credential, derived once from names and sources for every B.2 rule that follows
// credentials somewhere (logs, URLs, plain-http queries): a secret env var or the SDK's auth state (credential-source),
// a variable, parameter or property named like a credential, or an object that holds one (OAuth `tokens`,
// `credentials`, `{ ...config }` with a secret).
import { ts } from '../../ts';
import type { FileModel } from '../../model/file-model';
import { accessChain, boundNames, calleeName, isFunctionLike, propertyName, unwrap } from '../../model/syntax';
import { credentialSource } from './credential-source';
import { credentialKind, isNonCredentialTokenName, nameWords } from './secret-shape';

/** Calls that hand their argument through as it is; anything else (slice, mask, redact, hash) may hide it. */
const TRANSPARENT = new Set(['stringify', 'inspect', 'String', 'format', 'toString', 'toJSON', 'encodeURIComponent', 'encodeURI', 'escape', 'trim']);

/** Objects whose members name things rather than hold them (`EnvVarNames.MSI_SECRET`, `Fields.password`). */
const NAME_TABLE_WORDS = new Set(['name', 'names', 'label', 'labels', 'field', 'fields', 'key', 'keys', 'type', 'types', 'variable', 'variables', 'constants', 'messages', 'errors', 'events', 'headers', 'params']);

const MAX_DEPTH = 8;

/** Calls that make words, parts or lists out of text: their result is not a credential whatever it is called. */
const TEXT_OPERATIONS = new Set(['split', 'match', 'matchAll', 'tokenize', 'tokenise', 'words', 'map', 'filter']);

export interface CredentialValueOptions {
  /** Whole objects count (a log prints them); in a URL only a value can stand in a hole. */
  objects: boolean;
}

/**
 * The credential an expression carries, in words (`process.env.TOKEN`, `pageAccessToken`, `cfg (holds
 * process.env.SECRET)`), or undefined. Literals are not followed here: a literal credential is
 * hardcoded-credential's finding wherever it goes.
 */
export function credentialValue(model: FileModel, node: ts.Expression, options: CredentialValueOptions, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = unwrap(node);
  const source = credentialSource(model, e);
  if (source) return source;
  const chain = accessChain(e);
  if (options.objects && chain && chain.length === 2 && chain[0] === 'process' && chain[1] === 'env') return 'process.env (every secret of the process)';
  if (ts.isIdentifier(e)) return namedCredential(model, e) ?? (options.objects ? heldCredential(model, e, options, depth) : undefined) ?? importedHolder(model, e, chain);
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const imported = chain?.length === 2 ? importedHolder(model, e, chain) : undefined;
    if (imported) return imported;
    const last = chain?.[chain.length - 1];
    if (!chain || !last || !isCredentialName(last)) return undefined;
    if (chain.slice(0, -1).some((seg) => nameWords(seg).some((w) => NAME_TABLE_WORDS.has(w)))) return undefined;
    return e.getText(model.sourceFile);
  }
  if (ts.isTemplateExpression(e)) {
    for (const span of e.templateSpans) {
      const found = credentialValue(model, span.expression, options, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return credentialValue(model, e.left, options, depth + 1) ?? credentialValue(model, e.right, options, depth + 1);
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return credentialValue(model, e.right, options, depth + 1);
    return undefined;
  }
  if (ts.isConditionalExpression(e)) return credentialValue(model, e.whenTrue, options, depth + 1) ?? credentialValue(model, e.whenFalse, options, depth + 1);
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    if (!name || !TRANSPARENT.has(name)) return undefined;
    const target = e.arguments[0] ?? (ts.isPropertyAccessExpression(e.expression) ? e.expression.expression : undefined);
    return target ? credentialValue(model, target, options, depth + 1) : undefined;
  }
  if (!options.objects) return undefined;
  if (ts.isArrayLiteralExpression(e)) {
    for (const x of e.elements) {
      const found = credentialValue(model, x, options, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (ts.isObjectLiteralExpression(e)) return objectCredential(model, e, options, depth);
  return undefined;
}

/** `token`, `refreshToken`, `tokens`, `apiKeys`, `credentials`: a name that says it holds credentials (not `csrfToken`). */
export function isCredentialName(name: string): boolean {
  return !!credentialKind(name) && !isNonCredentialTokenName(name);
}

/** A variable or parameter named like a credential, unless it was set to a literal or read from something that is not one (a CSRF cookie). */
function namedCredential(model: FileModel, id: ts.Identifier): string | undefined {
  if (!isCredentialName(id.text)) return undefined;
  const parameter = isParameter(id);
  const init = parameter ? undefined : model.values.initializerOf(id.text);
  if (init) {
    const u = unwrap(init);
    if (ts.isStringLiteralLike(u) || ts.isNumericLiteral(u) || u.kind === ts.SyntaxKind.TrueKeyword || u.kind === ts.SyntaxKind.FalseKeyword) return undefined;
    if (ts.isCallExpression(u) && TEXT_OPERATIONS.has(calleeName(u) ?? '')) return undefined;
    const chain = accessChain(u);
    const last = chain?.[chain.length - 1];
    if (last && isNonCredentialTokenName(last)) return undefined;
  } else if (id.text.toLowerCase() === 'tokens' && (parameter || !isDestructured(model, id.text))) {
    // a bare `tokens` is as often the words of a message (a tokenizer's output) as OAuth's; only `{ tokens } = …` says which
    return undefined;
  }
  return id.getText(model.sourceFile);
}

/**
 * What a server hands out only by mistake: a secret env var, the SDK's auth state, `process.env`, what another
 * module's config holds, or an object holding one of those. Not values merely named like credentials: a route
 * may answer with a token it minted for its caller.
 */
export function servedCredential(model: FileModel, node: ts.Expression, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const e = unwrap(node);
  const chain = accessChain(e);
  if (chain?.length === 2 && chain[0] === 'process' && chain[1] === 'env') return 'process.env (every secret of the process)';
  const source = credentialSource(model, e) ?? (chain ? importedHolder(model, e, chain) : undefined);
  if (source) return source;
  // config.web1on1.token: a credential-named member of an imported holder
  const last = chain?.[chain.length - 1];
  if (chain && chain.length >= 3 && last && isCredentialName(last) && importedHolder(model, e, chain.slice(0, 2))) return e.getText(model.sourceFile);
  const obj = ts.isObjectLiteralExpression(e) ? e : ts.isIdentifier(e) && !isParameter(e) ? model.values.objectLiteral(e) : undefined;
  if (!obj) return undefined;
  for (const p of obj.properties) {
    const v = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : ts.isSpreadAssignment(p) ? p.expression : undefined;
    const found = v ? servedCredential(model, v, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** `config` or `config.web1on1` bound to what another module exports that holds a credential (through the hints). */
function importedHolder(model: FileModel, e: ts.Expression, chain: string[] | undefined): string | undefined {
  const held = model.hints.importedCredentials;
  const key = chain?.join('.');
  if (!held || !key || !Object.hasOwn(held, key)) return undefined;
  const root = ts.isIdentifier(e) ? e : undefined;
  if (root && isParameter(root)) return undefined;
  return `${key} (holds ${held[key]})`;
}

/** The name is bound by a parameter of a function around it. */
function isParameter(id: ts.Identifier): boolean {
  for (let cur: ts.Node | undefined = id.parent; cur; cur = cur.parent) {
    if (isFunctionLike(cur) && cur.parameters.some((p) => boundNames(p.name).includes(id.text))) return true;
  }
  return false;
}

/** `const { tokens } = await client.getToken(code)`: a member taken out of a result object. */
function isDestructured(model: FileModel, name: string): boolean {
  return model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration).some((d) => ts.isObjectBindingPattern(d.name) && d.name.elements.some((el) => ts.isIdentifier(el.name) && el.name.text === name));
}

/** `const config = { token: process.env.TOKEN }` / `const copy = { ...config }`: a constant object holding a credential. */
function heldCredential(model: FileModel, id: ts.Identifier, options: CredentialValueOptions, depth: number): string | undefined {
  // constants resolve by name in the file: a parameter of that name is another value
  if (isParameter(id)) return undefined;
  const obj = model.values.objectLiteral(id);
  if (!obj || depth > 4) return undefined;
  const held = objectCredential(model, obj, options, depth + 1);
  return held ? `${id.text} (holds ${held})` : undefined;
}

/**
 * A credential among an object literal's members: a member whose value is one, a spread of an object that
 * holds one, or (`{ token: t }`) a credential-named key over a variable or property (not over a literal).
 */
function objectCredential(model: FileModel, obj: ts.ObjectLiteralExpression, options: CredentialValueOptions, depth: number): string | undefined {
  for (const p of obj.properties) {
    if (ts.isShorthandPropertyAssignment(p)) {
      const found = credentialValue(model, p.name, options, depth + 1);
      if (found) return found;
    } else if (ts.isSpreadAssignment(p)) {
      const found = credentialValue(model, p.expression, options, depth + 1);
      if (found) return found;
    } else if (ts.isPropertyAssignment(p)) {
      const v = unwrap(p.initializer);
      const found = credentialValue(model, v, options, depth + 1);
      if (found) return found;
      // `{ token: t }`: the key says what the value is, unless the value is a literal or a computed summary
      const key = propertyName(p.name);
      if (key && isCredentialName(key) && (ts.isIdentifier(v) || ts.isPropertyAccessExpression(v))) return `${key}: ${v.getText(model.sourceFile)}`;
    }
  }
  return undefined;
}

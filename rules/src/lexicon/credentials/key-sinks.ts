// Where a library takes a key: jsonwebtoken, jose, node:crypto, express-jwt … (rules/data/key-sinks.json).
// A literal that reaches one, directly, through a module constant or wrapped into bytes, is a hard-coded key.
import data from '../../../data/key-sinks.json';
import { ts } from '../../ts';
import type { FileModel } from '../../model/file-model';
import { objectProperty, unwrap } from '../../model/syntax';

interface CallSpec { module: string[]; alias?: string; functions: string[]; arg: number; property?: string; env: string }
interface ChainSpec { module: string[]; alias?: string; makers: string[]; methods: string[]; arg: number; env: string }

const CALLS: readonly CallSpec[] = data.calls;
const CHAINS: readonly ChainSpec[] = data.chains;
const WRAPPER_FUNCTIONS = new Set(data.wrappers.functions);
const WRAPPER_METHODS = new Set(data.wrappers.methods);
const CHAIN_METHODS = new Set(CHAINS.flatMap((c) => c.methods));
const CALL_NAMES: ReadonlySet<string> = new Set(CALLS.flatMap((c) => c.functions));
const CALL_MODULES: ReadonlySet<string> = new Set(CALLS.flatMap((c) => c.module));
const MAX_CHAIN = 16;

export interface KeySink {
  /** How a reader recognises the call: `jwt.sign`, `jose SignJWT.sign`, `express-jwt secret`. */
  label: string;
  /** The expression that is the key. */
  key: ts.Expression | undefined;
  env: string;
}

/** The key a call or `new` hands to a key-taking library, if it is one. */
export function keySinkOf(model: FileModel, node: ts.CallExpression | ts.NewExpression): KeySink | undefined {
  const callee = unwrap(node.expression);
  const args = node.arguments ?? [];
  // most calls are none of these: decided by the name before any binding is looked up
  const fn = mayBeKeyCall(model, callee) ? functionOf(model, callee) : undefined;
  if (fn) {
    for (const spec of CALLS) {
      if (!spec.functions.includes(fn.name) && !(fn.name === fn.local && fn.whole && spec.functions.includes('default'))) continue;
      if (!spec.module.includes(fn.module ?? '') && !(fn.owner !== undefined && fn.owner === spec.alias)) continue;
      const arg = args[spec.arg];
      const key = spec.property ? propertyOf(model, arg, spec.property) : arg;
      const call = fn.owner ? `${fn.owner}.${fn.name}` : fn.local;
      return { label: spec.property ? `${call}({ ${spec.property} })` : call, key, env: spec.env };
    }
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(callee) && CHAIN_METHODS.has(callee.name.text)) {
    const maker = chainMaker(model, callee.expression);
    if (!maker) return undefined;
    for (const spec of CHAINS) {
      if (!spec.methods.includes(callee.name.text) || !spec.makers.includes(maker.name)) continue;
      if (!spec.module.includes(maker.module ?? '') && !(maker.owner !== undefined && maker.owner === spec.alias)) continue;
      return { label: `${maker.name}(…).${callee.name.text}`, key: args[spec.arg], env: spec.env };
    }
  }
  return undefined;
}

/** `jwt.sign`, `jwtVerify`, or a call of a whole key-taking module (`expressJwt(…)`). */
function mayBeKeyCall(model: FileModel, callee: ts.Expression): boolean {
  if (ts.isPropertyAccessExpression(callee)) return CALL_NAMES.has(callee.name.text);
  if (!ts.isIdentifier(callee)) return false;
  if (CALL_NAMES.has(callee.text)) return true;
  const module = model.requireBindings.get(callee.text);
  return module !== undefined && CALL_MODULES.has(module);
}

interface FunctionRef {
  /** The function's name as the library exports it (for a default binding: the local name). */
  name: string;
  local: string;
  /** The module the binding comes from, when the file imports it. */
  module: string | undefined;
  /** `jwt` in `jwt.sign`. */
  owner?: string;
  /** The binding is the whole module (`const expressJwt = require('express-jwt')`), not one export. */
  whole: boolean;
}

function functionOf(model: FileModel, callee: ts.Expression): FunctionRef | undefined {
  if (ts.isIdentifier(callee)) {
    const module = moduleOf(model, callee.text);
    if (!module) return undefined;
    return { name: callee.text, local: callee.text, module, whole: model.requireBindings.get(callee.text) === module && isWholeBinding(model, callee.text) };
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    const owner = callee.expression.text;
    return { name: callee.name.text, local: callee.name.text, module: moduleOf(model, owner), owner, whole: false };
  }
  return undefined;
}

/** `const x = require('m')` or `import x from 'm'` (not `{ x }`): the name is the module's default. */
function isWholeBinding(model: FileModel, name: string): boolean {
  const init = model.values.initializerOf(name);
  if (init) return ts.isCallExpression(unwrap(init));
  return model.nodes<ts.ImportDeclaration>(ts.SyntaxKind.ImportDeclaration).some((d) => d.importClause?.name?.text === name);
}

function moduleOf(model: FileModel, name: string): string | undefined {
  return model.requireBindings.get(name) ?? model.imports.find((i) => i.names.includes(name))?.spec;
}

/** The constructor or factory at the root of a method chain (`new SignJWT(c).setIssuer(…)`, `signer` = `crypto.createSign(…)`). */
function chainMaker(model: FileModel, receiver: ts.Expression): { name: string; module: string | undefined; owner?: string } | undefined {
  let e = unwrap(receiver);
  for (let i = 0; i < MAX_CHAIN; i++) {
    if (ts.isIdentifier(e)) {
      const init = model.values.initializerOf(e.text);
      if (!init) return undefined;
      e = unwrap(init);
      continue;
    }
    if (ts.isNewExpression(e) || ts.isCallExpression(e)) {
      const fn = functionOf(model, unwrap(e.expression));
      if (fn && CHAINS.some((c) => c.makers.includes(fn.name))) return fn;
      if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
        e = unwrap(e.expression.expression);
        continue;
      }
    }
    return undefined;
  }
  return undefined;
}

function propertyOf(model: FileModel, arg: ts.Expression | undefined, name: string): ts.Expression | undefined {
  const obj = model.values.objectLiteral(arg);
  return obj ? objectProperty(obj, name) : undefined;
}

/**
 * The literal a key expression is: directly, through a constant declared once in the file (wherever it is used),
 * wrapped into bytes (`Buffer.from(k)`, `new TextEncoder().encode(k)`), or as the fallback of `process.env.K || 'k'`.
 */
export function keyLiteral(model: FileModel, key: ts.Expression | undefined, depth = 0): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined {
  if (!key || depth > 8) return undefined;
  const e = unwrap(key);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e;
  if (ts.isIdentifier(e)) {
    const init = model.values.initializerOf(e.text);
    return init ? keyLiteral(model, init, depth + 1) : undefined;
  }
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return keyLiteral(model, e.right, depth + 1);
  if (ts.isCallExpression(e) && isWrapper(e)) return keyLiteral(model, e.arguments[0], depth + 1);
  return undefined;
}

function isWrapper(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  if (WRAPPER_METHODS.has(callee.name.text)) return true;
  return ts.isIdentifier(callee.expression) && WRAPPER_FUNCTIONS.has(`${callee.expression.text}.${callee.name.text}`);
}

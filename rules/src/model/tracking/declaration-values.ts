import { ts } from '../../ts';
import { propertyName, unwrap } from '../syntax';
import { holds, join, type AbstractValue } from './abstract-value';
import { membersOf } from './member-values';
import { HOLE } from '../values';
import { SDK_EXPORTS, type Tracking } from './tracking-context';

/** What a name can hold: its declaration's values, else what a global or a hinted import is. */
export function identifierValues(tracking: Tracking, id: ts.Identifier, depth: number): AbstractValue[] {
  const decl = tracking.declarationOf(id);
  if (decl) return tracking.declarationValues(decl, depth);
  if (id.text === 'fetch') return [{ kind: 'http', client: 'fetch', made: false }];
  if (tracking.options.importedSdkInstances?.includes(id.text)) return [{ kind: 'sdk' }];
  return [];
}

/** Adds to `out` what a declaration holds: its initialiser, every assignment, or for a parameter every argument. */
export function computeDeclaration(tracking: Tracking, decl: ts.Node, out: AbstractValue[], depth: number): void {
  if (ts.isVariableDeclaration(decl)) {
    if (decl.initializer) join(out, tracking.valuesOf(decl.initializer, depth));
    for (const a of tracking.index.assignmentsOf(decl)) join(out, tracking.valuesOf(a, depth));
    importedValues(tracking, decl, out);
    // `for (const conv of await bot.conversations.list())`: each item is one of what the read returned
    const loop = decl.parent.parent;
    if (loop && ts.isForOfStatement(loop)) join(out, tracking.valuesOf(loop.expression, depth).filter((v) => v.kind === 'sdk-result'));
  } else if (ts.isBindingElement(decl)) {
    const key = decl.propertyName ? propertyName(decl.propertyName) : ts.isIdentifier(decl.name) ? decl.name.text : undefined;
    const pattern = decl.parent;
    if (key && ts.isObjectBindingPattern(pattern)) join(out, membersOf(tracking, patternSource(tracking, pattern, depth), key, undefined, depth));
    if (decl.initializer) join(out, tracking.valuesOf(decl.initializer, depth));
    if (ts.isIdentifier(decl.name) && ts.isVariableDeclaration(pattern.parent)) importedValues(tracking, pattern.parent, out, decl.name.text);
    if (ts.isIdentifier(decl.name)) for (const a of tracking.index.assignmentsOf(decl)) join(out, tracking.valuesOf(a, depth));
  } else if (ts.isParameter(decl)) {
    parameterValues(tracking, decl, out, depth);
  } else if (ts.isFunctionDeclaration(decl) || ts.isFunctionExpression(decl)) {
    out.push({ kind: 'function', fn: decl });
  } else if (ts.isClassDeclaration(decl) || ts.isClassExpression(decl)) {
    out.push({ kind: 'class', cls: decl });
  } else if (ts.isImportClause(decl) || ts.isImportSpecifier(decl) || ts.isNamespaceImport(decl)) {
    importBindingValues(tracking, decl, out);
  } else if (ts.isImportEqualsDeclaration(decl) && ts.isExternalModuleReference(decl.moduleReference) && ts.isStringLiteral(decl.moduleReference.expression)) {
    // `import ChipChat = require('chipchat')`: the module itself, as `require` gives it
    const spec = decl.moduleReference.expression.text;
    if (tracking.options.isSdkSpecifier(spec)) out.push({ kind: 'sdk-module' });
    const http = tracking.options.httpModule(spec);
    if (http) out.push({ kind: 'http', client: http, made: false });
    hintedLocal(tracking, decl.name.text, out);
  }
}

/** What the value a pattern destructures can hold. */
function patternSource(tracking: Tracking, pattern: ts.BindingPattern, depth: number): AbstractValue[] {
  const owner = pattern.parent;
  if (ts.isVariableDeclaration(owner)) return owner.initializer ? tracking.valuesOf(owner.initializer, depth) : [];
  if (ts.isParameter(owner)) {
    const out: AbstractValue[] = [];
    parameterValues(tracking, owner, out, depth);
    return out;
  }
  if (ts.isBindingElement(owner)) return tracking.declarationValues(owner, depth);
  return [];
}

function parameterValues(tracking: Tracking, param: ts.ParameterDeclaration, out: AbstractValue[], depth: number): void {
  const fn = param.parent;
  const index = fn.parameters.indexOf(param);
  if (param.initializer) join(out, tracking.valuesOf(param.initializer, depth));
  // `bot: ChipChat`: a TypeScript annotation naming the SDK class says it all
  const type = param.type;
  if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const d = tracking.declarationOf(type.typeName);
    if (d && holds(tracking.declarationValues(d, depth), 'sdk-module')) join(out, [{ kind: 'sdk' }]);
  }
  if (param.dotDotDotToken) return;
  for (const site of tracking.index.callSitesOf(fn)) {
    const arg = site.arguments?.[index];
    if (arg && !ts.isSpreadElement(arg)) join(out, tracking.valuesOf(arg, depth));
  }
  // `promise.then(value => …)`: the callback gets what the promise resolves to
  const call = fn.parent;
  if (index === 0 && call && ts.isCallExpression(call) && call.arguments[0] === fn && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'then') {
    join(out, tracking.valuesOf(call.expression.expression, depth));
  }
}

function importBindingValues(tracking: Tracking, decl: ts.ImportClause | ts.ImportSpecifier | ts.NamespaceImport, out: AbstractValue[]): void {
  let imp: ts.Node = decl;
  while (imp && !ts.isImportDeclaration(imp)) imp = imp.parent;
  if (!imp || !ts.isStringLiteral((imp as ts.ImportDeclaration).moduleSpecifier)) return;
  const spec = ((imp as ts.ImportDeclaration).moduleSpecifier as ts.StringLiteral).text;
  const imported = ts.isImportSpecifier(decl) ? (decl.propertyName ?? decl.name).text : 'default';
  const local = ts.isImportClause(decl) ? decl.name?.text : decl.name.text;
  if (tracking.options.isSdkSpecifier(spec) && (ts.isNamespaceImport(decl) || SDK_EXPORTS.has(imported))) out.push({ kind: 'sdk-module' });
  const http = tracking.options.httpModule(spec);
  if (http) out.push({ kind: 'http', client: http, made: false });
  if (local) hintedLocal(tracking, local, out);
}

/** `const api = require('./api')` / `const { api } = require('./api')`: what the project index says of `local`. */
function importedValues(tracking: Tracking, decl: ts.VariableDeclaration, out: AbstractValue[], local = ts.isIdentifier(decl.name) ? decl.name.text : undefined): void {
  if (local && decl.initializer && ts.isCallExpression(unwrap(decl.initializer))) hintedLocal(tracking, local, out);
}

/** What the model learnt of a local name from the app's other modules (an HTTP client or an SDK instance made there). */
function hintedLocal(tracking: Tracking, local: string, out: AbstractValue[]): void {
  const clients = tracking.options.importedHttpClients;
  // HOLE: the other module made the client with a base URL it cannot read
  if (clients && Object.hasOwn(clients, local)) join(out, [clients[local] === HOLE ? { kind: 'http', client: 'axios', made: true, baseUnread: true } : { kind: 'http', client: 'axios', baseUrl: clients[local], made: true }]);
  if (tracking.options.importedSdkInstances?.includes(local)) join(out, [{ kind: 'sdk' }]);
}

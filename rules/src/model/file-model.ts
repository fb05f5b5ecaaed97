import type { StoreFunction } from './stores';
import { ts } from '../ts';
import { LineIndex } from '../positions';
import { HttpModel } from './http';
import { SdkModel } from './sdk';
import { boundNames, isFunctionLike, unwrap } from './syntax';
import { holds } from './tracking/abstract-value';
import { constructorOf } from './tracking/syntax-index';
import { HOLE, ValueResolver } from './values';
import { walkFile } from './walk';
import { noteEscapes } from './tracking/escapes';
import { ValueTracker } from './tracking/tracker';
import { httpModuleKind, mayCallHttp } from './http';

/** What the project index tells a file about its neighbours (see engine: second pass). */
export interface FileHints {
  /** This file's export is passed to `bot.module(…)` elsewhere: its first parameter is an SDK instance. */
  sdkModuleFactory?: boolean;
  /** Local names bound to HTTP clients created in another module, with their base URL. */
  importedHttpClients?: Record<string, string>;
  /** Exported functions that other modules call with an SDK instance: export name → argument positions. */
  sdkParams?: Record<string, number[]>;
  /** Webhook signature verifiers of relatively imported modules: specifier → export name → whether it verifies. */
  webhookVerifiers?: Record<string, Record<string, boolean>>;
  /** Local names bound to SDK instances another module of the app exports. */
  importedSdkInstances?: string[];
  /**
   * Functions of the app's other modules that send an argument as a message text (`sendTelegram(chatId, text)`),
   * by the local name they are called by (`replyAsAdvisor`, or `w1.postMessage` for a module bound to `w1`):
   * the argument positions.
   */
  importedTextSenders?: Record<string, number[]>;
  /** Exports of this file whose members other modules send as message texts (`texts` of `sendSms(to, texts.reserve)`). */
  sentByImporters?: string[];
  /** Local names bound to functions another module of the app exports that return an SDK instance (`createClient`). */
  importedSdkFactories?: string[];
  /** Names other modules of the app call on what they import from this file (`api.request(…)`, `request(…)`). */
  calledByImporters?: string[];
  /** Relative specifiers of this file that resolve to the SDK package itself (its entry or its lib folder). */
  sdkSpecifiers?: string[];
  /** Local names bound to string constants another module of the app exports, with their text. */
  importedConstants?: Record<string, string>;
  /** Names of functions and methods of relatively imported modules that follow or unfollow accounts (A.3). */
  importedFollowActions?: Record<string, 'follow' | 'unfollow'>;
  /** Functions and methods of relatively imported modules that write their parameters to a store or delete from one, by name. */
  importedStoreFunctions?: Record<string, StoreFunction[]>;
  /** Local names (and `name.member`) bound to what another module exports that holds a credential, in words. */
  importedCredentials?: Record<string, string>;
}

export interface ModelOptions {
  sdkModules: readonly string[];
  hints?: FileHints;
  /** When the walk must give up (see walkFile). */
  deadline?: { at: number; ms: number; now: () => number };
  /** The tree is kept for the file's next version (an open document): what only its syntax decides is remembered. */
  acrossVersions?: boolean;
}

/** Kinds the model itself needs collected during the walk. */
const MODEL_KINDS = [
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ExportAssignment,
  ts.SyntaxKind.BinaryExpression,
  // for the value-tracking layer: declarations, returns and computed member reads
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ReturnStatement,
  ts.SyntaxKind.ElementAccessExpression,
];

/** The nodes whose text a static string is made of. */
/** How deep settings groups of an exported object are read (`config.web1on1.api.baseURL` is three). */
const MAX_SETTINGS_NESTING = 3;
const LITERAL_KINDS = [ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateHead, ts.SyntaxKind.TemplateMiddle, ts.SyntaxKind.TemplateTail];

/**
 * One walk over a file collects the nodes every consumer asked for, by kind and in document order;
 * the SDK, HTTP and value models are then built from those lists, so rules see resolved bindings.
 */
export class FileModel {
  private lineIndex: LineIndex | undefined;
  readonly values: ValueResolver;
  readonly sdk: SdkModel;
  readonly http: HttpModel;
  /** What the project index told this file about its neighbours. */
  readonly hints: FileHints;
  /** What expressions can hold (SDK instances, results, contexts, HTTP clients), by declaration. */
  readonly tracker: ValueTracker;
  readonly nodesByKind = new Map<ts.SyntaxKind, ts.Node[]>();
  /** Nodes of the kinds rules listen to, in document order (the walk's pre-order), for dispatch. */
  readonly dispatchOrder: ts.Node[] = [];
  readonly functionsByName = new Map<string, ts.FunctionLikeDeclaration>();
  /** Local name → module specifier of `const x = require('spec')` / imports. */
  readonly requireBindings = new Map<string, string>();
  /** Export names of SDK instances this file exports (`module.exports = bot`, `export const bot = …`). */
  readonly exportedSdkInstances: string[] = [];
  /** Export names of functions that return an SDK instance. */
  readonly exportedSdkFactories: string[] = [];
  /** String constants this file exports, by export name. */
  readonly exportedConstants: Record<string, string> = {};
  /** Every module specifier the file imports or requires. */
  readonly imports: { spec: string; names: string[] }[] = [];
  /** The text names fetch or an HTTP library, or the hints hand the file a client: only then are HTTP calls looked for. */
  private mayUseHttp = false;
  /** mayContainAny's answers, by the characters asked about. */
  private readonly containsAny = new Map<string, boolean>();
  /** Calls of what this file imports from the app's own modules: `api.request(…)` is `request` of `./api`. */
  readonly importedCalls: { spec: string; name: string }[] = [];
  /** What the file exports, by export name (`module.exports = { f }` and `export default { f }` also under `f`). */
  readonly exportedValues: [string, ts.Expression][] = [];

  constructor(
    readonly path: string,
    readonly text: string,
    readonly sourceFile: ts.SourceFile,
    options: ModelOptions,
    extraKinds: Iterable<ts.SyntaxKind>,
  ) {
    this.values = new ValueResolver(sourceFile);
    // the walk looks kinds up by index: a Set and a Map lookup per node were a third of its time
    const lists: (ts.Node[] | undefined)[] = new Array<ts.Node[] | undefined>(ts.SyntaxKind.Count).fill(undefined);
    const dispatched = new Uint8Array(ts.SyntaxKind.Count);
    const ruleKinds = [...extraKinds];
    for (const k of ruleKinds) dispatched[k] = 1;
    for (const k of [...MODEL_KINDS, ...ruleKinds]) {
      if (lists[k]) continue;
      const list: ts.Node[] = [];
      lists[k] = list;
      this.nodesByKind.set(k, list);
    }
    walkFile(sourceFile, { lists, dispatched, dispatchOrder: this.dispatchOrder, deadline: options.deadline });
    const hints = (this.hints = options.hints ?? {});
    const sdkModules = [...options.sdkModules, ...(hints.sdkSpecifiers ?? [])];
    const isSdkSpecifier = (spec: string) => sdkModules.some((m) => spec === m || spec.startsWith(m + '/'));
    this.tracker = new ValueTracker(sourceFile, (k) => this.nodes(k), this.values, {
      isSdkSpecifier,
      httpModule: httpModuleKind,
      importedHttpClients: hints.importedHttpClients,
      importedSdkInstances: hints.importedSdkInstances,
      acrossVersions: options.acrossVersions,
      importedSdkFactories: hints.importedSdkFactories,
    });
    this.values.useSource(this.tracker, hints.importedConstants);
    this.tracker.deadline = options.deadline;
    this.sdk = new SdkModel(sdkModules, this.values, this.functionsByName, this.requireBindings, this.tracker);
    this.http = new HttpModel(this.values, this.tracker, new Set(hints.calledByImporters ?? []));
    this.build(hints);
    // rules ask the tracker later, under their own budgets
    this.tracker.deadline = undefined;
    this.values.settle();
  }

  /** Built on first use: few rules need it and the engine keeps its own for findings. */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /**
   * Whether `values.string` can answer exactly `text` for some expression of the file. Its answers are made of
   * the file's string literals and template parts (and imported constants), so one of them must be a non-empty
   * part of `text`; a rule can then skip resolving every candidate. True when the walk did not collect the
   * literals, or `text` has digits (numeric literals are not collected): it cannot tell.
   */
  mayResolveTo(text: string): boolean {
    return /\d/.test(text) || this.someLiteral((t) => t.length > 0 && text.includes(t));
  }

  /**
   * Whether a static string of the file (`values.string`, a flattened URL) can contain one of `chars`: it is made
   * of the file's literals and template parts and of imported constants (unknown parts are placeholder
   * characters), so one of those must contain it. True when it cannot tell: the literals were not collected, or
   * a character can be part of a number.
   */
  mayContainAny(chars: string): boolean {
    let known = this.containsAny.get(chars);
    if (known === undefined) {
      known = /[\w.+-]/.test(chars) || this.someLiteral((t) => [...chars].some((c) => t.includes(c)));
      this.containsAny.set(chars, known);
    }
    return known;
  }

  /** Whether a literal or template part of the file, or an imported constant, passes `test` (true when the literals were not collected). */
  private someLiteral(test: (text: string) => boolean): boolean {
    if (Object.values(this.hints.importedConstants ?? {}).some(test)) return true;
    for (const kind of LITERAL_KINDS) {
      const list = this.nodesByKind.get(kind) as ts.LiteralLikeNode[] | undefined;
      if (!list || list.some((n) => test(n.text))) return true;
    }
    return false;
  }

  nodes<T extends ts.Node = ts.Node>(kind: ts.SyntaxKind): T[] {
    return (this.nodesByKind.get(kind) ?? []) as T[];
  }

  private build(hints: FileHints): void {
    for (const d of this.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration)) {
      this.values.addDeclaration(d);
      if (ts.isIdentifier(d.name) && d.initializer && isFunctionLike(unwrap(d.initializer))) {
        this.functionsByName.set(d.name.text, unwrap(d.initializer) as ts.FunctionLikeDeclaration);
      }
    }
    for (const f of this.nodes<ts.FunctionDeclaration>(ts.SyntaxKind.FunctionDeclaration)) {
      if (f.name) this.functionsByName.set(f.name.text, f);
    }
    for (const imp of this.nodes<ts.ImportDeclaration>(ts.SyntaxKind.ImportDeclaration)) {
      if (!ts.isStringLiteral(imp.moduleSpecifier)) continue;
      const spec = imp.moduleSpecifier.text;
      const names: string[] = [];
      const clause = imp.importClause;
      if (clause?.name) names.push(clause.name.text);
      const nb = clause?.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) names.push(nb.name.text);
      if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) names.push(el.name.text);
      if (spec.startsWith('.')) {
        if (clause?.name) this.sdk.importedFunctions.set(clause.name.text, { spec, exportName: 'default' });
        if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) this.sdk.importedFunctions.set(el.name.text, { spec, exportName: (el.propertyName ?? el.name).text });
      }
      this.imports.push({ spec, names });
      for (const n of names) this.requireBindings.set(n, spec);
      this.sdk.noteImport(spec, undefined, clause?.name?.text ?? (nb && ts.isNamespaceImport(nb) ? nb.name.text : undefined));
      if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) if (['default', 'ChipChat', 'Bot'].includes((el.propertyName ?? el.name).text)) this.sdk.noteImport(spec, el.name);
    }
    for (const st of this.sourceFile.statements) {
      if (!ts.isImportEqualsDeclaration(st) || !ts.isExternalModuleReference(st.moduleReference) || !ts.isStringLiteral(st.moduleReference.expression)) continue;
      const spec = st.moduleReference.expression.text;
      this.imports.push({ spec, names: [st.name.text] });
      this.requireBindings.set(st.name.text, spec);
      this.sdk.noteImport(spec, st.name);
    }
    const calls = this.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression);
    for (const call of calls) {
      const spec = requireSpecifier(call);
      if (spec === undefined) continue;
      let parent: ts.Node = call.parent;
      // require('x').default / require('x').ChipChat
      if (ts.isPropertyAccessExpression(parent)) parent = parent.parent;
      if (ts.isVariableDeclaration(parent)) {
        const names = boundNames(parent.name);
        if (ts.isObjectBindingPattern(parent.name) && spec.startsWith('.')) {
          for (const el of parent.name.elements) {
            const exportName = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : undefined;
            if (exportName && ts.isIdentifier(el.name)) this.sdk.importedFunctions.set(el.name.text, { spec, exportName });
          }
        } else if (ts.isIdentifier(parent.name) && spec.startsWith('.') && call.parent === parent) this.sdk.importedFunctions.set(parent.name.text, { spec, exportName: 'default' });
        this.imports.push({ spec, names });
        if (ts.isIdentifier(parent.name)) this.requireBindings.set(parent.name.text, spec);
        this.sdk.noteImport(spec, parent.name);
        } else {
        this.imports.push({ spec, names: [] });
        this.sdk.noteImport(spec, undefined);
      }
    }
    if (hints.importedSdkInstances?.length || hints.importedSdkFactories?.length) this.sdk.importsSdk = true;
    // no HTTP client can be made or called in a file that never names one and is handed none
    this.mayUseHttp = mayCallHttp(this.text) || Object.keys(hints.importedHttpClients ?? {}).length > 0;
    for (const n of this.nodes<ts.NewExpression>(ts.SyntaxKind.NewExpression)) this.sdk.noteNew(n);
    this.noteExports(hints);
    // Twice: handlers registered by name or inside other handlers bind their parameters in the first
    // pass; the second pass then classifies every call with all bindings known.
    // (Files that never load the SDK and receive no instance have nothing to classify; a first pass that bound
    // nothing saw what a second would see.)
    for (let pass = 0, before = this.sdk.bindingSignature(); pass < 3 && this.sdk.mayHaveInstances(); pass++) {
      this.sdk.calls.length = 0;
      this.sdk.escapes.length = 0;
      for (const call of calls) this.sdk.noteCall(call);
      const learnt = this.sdk.bindingSignature();
      if (learnt === before) break; // a pass that bound nothing new would classify the same way again
      before = learnt;
    }
    if (this.mayUseHttp) for (const call of calls) this.http.noteCall(call);
    this.noteImportedCalls(calls);
    noteEscapes(this);
  }

  /** What this file calls of its relative imports; the modules it imports learn it (a wrapper used elsewhere). */
  private noteImportedCalls(calls: readonly ts.CallExpression[]): void {
    if (![...this.requireBindings.values()].some((spec) => spec.startsWith('.'))) return;
    const seen = new Set<string>();
    for (const call of calls) {
      const callee = unwrap(call.expression);
      // `api.request(…)`, `clients.web1on1.request(…)`: a short climb (a long chain's every call would repeat it)
      let root: ts.Expression = callee;
      for (let i = 0; i < 4 && (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root) || ts.isElementAccessExpression(root)); i++) root = unwrap(root.expression);
      // by name, as the import and require bindings are kept (no declaration lookup: it would index every file)
      if (!ts.isIdentifier(root)) continue;
      const spec = this.requireBindings.get(root.text);
      if (!spec?.startsWith('.')) continue;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? (this.sdk.importedFunctions.get(callee.text)?.exportName ?? callee.text) : undefined;
      if (!name || seen.has(spec + '\u0000' + name)) continue;
      seen.add(spec + '\u0000' + name);
      this.importedCalls.push({ spec, name });
    }
  }

  /** An exported SDK instance or string constant: the modules that import it learn it through the hints. */
  private noteExportedValue(name: string, expr: ts.Expression): void {
    const obj = unwrap(expr);
    if (name === 'default' && ts.isObjectLiteralExpression(obj)) {
      for (const p of obj.properties) {
        if (ts.isShorthandPropertyAssignment(p)) this.noteExportedValue(p.name.text, p.name);
        else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) this.noteExportedValue(p.name.text, p.initializer);
      }
      return;
    }
    if (this.sdk.mayHaveInstances() && !ts.isObjectLiteralExpression(obj)) {
      const values = this.tracker.valuesOf(expr);
      if (values.some((v) => v.kind === 'sdk') && !this.exportedSdkInstances.includes(name)) this.exportedSdkInstances.push(name);
      const factory = values.some((v) => v.kind === 'function' && this.tracker.returnValues(v.fn).some((r) => r.kind === 'sdk'));
      if (factory && !this.exportedSdkFactories.includes(name)) this.exportedSdkFactories.push(name);
    }
    this.noteExportedConstant(name, expr);
  }

  /**
   * A string or number the module exports, by export name. A settings group (`web1on1: { baseURL: '…' }`) is
   * exported member by member as `web1on1.baseURL`: an importer's `config.web1on1.baseURL` is the URL its API
   * client is made with, and a client whose URL goes unread is a client whose calls count for no scope.
   */
  private noteExportedConstant(name: string, expr: ts.Expression, depth = 0): void {
    const obj = unwrap(expr);
    if (ts.isObjectLiteralExpression(obj)) {
      if (depth >= MAX_SETTINGS_NESTING) return;
      for (const p of obj.properties) {
        if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) this.noteExportedConstant(`${name}.${p.name.text}`, p.initializer, depth + 1);
      }
      return;
    }
    // `pollMs: 5 * 1000`: a number the module computes from literals is exported as its value
    const n = literalArithmetic(obj);
    if (n !== undefined) {
      this.exportedConstants[name] = String(n);
      return;
    }
    if (!isStringExpression(obj)) return;
    const s = this.values.string(expr);
    if (s && s.text.length <= 2048 && s.text !== HOLE) this.exportedConstants[name] = s.text;
  }

  private noteExports(hints: FileHints): void {
    const exported: [string, ts.Expression][] = [];
    for (const b of this.nodes<ts.BinaryExpression>(ts.SyntaxKind.BinaryExpression)) {
      if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !isExportsAccess(b.left)) continue;
      const left = b.left.getText(this.sourceFile);
      if (left === 'module.exports') exported.push(['default', b.right]);
      else if (/^(module\.)?exports\.\w+$/.test(left)) exported.push([left.split('.').pop()!, b.right]);
    }
    for (const a of this.nodes<ts.ExportAssignment>(ts.SyntaxKind.ExportAssignment)) exported.push(['default', a.expression]);
    // export { bot, api as client }: export lists are top-level statements, so no walk is needed
    for (const stmt of this.sourceFile.statements) {
      if (!ts.isExportDeclaration(stmt) || stmt.moduleSpecifier || stmt.isTypeOnly || !stmt.exportClause || !ts.isNamedExports(stmt.exportClause)) continue;
      for (const el of stmt.exportClause.elements) if (!el.isTypeOnly) exported.push([el.name.text, el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName : el.name]);
    }
    for (const d of this.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration)) {
      const stmt = d.parent?.parent;
      if (d.initializer && ts.isIdentifier(d.name) && stmt && ts.isVariableStatement(stmt) && stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) exported.push([d.name.text, d.initializer]);
    }
    for (const f of this.nodes<ts.FunctionDeclaration>(ts.SyntaxKind.FunctionDeclaration)) {
      const mods = f.modifiers ?? [];
      if (mods.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) && hints.sdkModuleFactory) this.sdk.noteModuleFactory(f);
    }
    const sdkParams = hints.sdkParams ?? {};
    for (const f of [...this.nodes<ts.FunctionDeclaration>(ts.SyntaxKind.FunctionDeclaration), ...this.nodes<ts.ClassDeclaration>(ts.SyntaxKind.ClassDeclaration)]) {
      if (f.name && f.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) exported.push([f.modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ? 'default' : f.name.text, f.name]);
    }
    const handedOver = new Set<string>();
    const markParams = (name: string, expr: ts.Expression) => {
      const positions = Object.hasOwn(sdkParams, name) ? sdkParams[name] : undefined;
      if (!positions) return;
      // `new Notifier(bot)` of an exported class hands the instance to its constructor
      const cls = holds(this.tracker.valuesOf(expr), 'class')?.cls;
      const fn = this.sdk.functionOf(expr) ?? (cls ? constructorOf(cls) : undefined);
      if (fn) for (const i of positions) this.sdk.noteInstanceParam(fn, i);
      if (fn) handedOver.add(name);
    };
    for (const [name, expr] of exported) {
      markParams(name, expr);
      this.exportedValues.push([name, expr]);
      const obj = unwrap(expr);
      if (name === 'default' && ts.isObjectLiteralExpression(obj)) {
        for (const p of obj.properties) {
          if (ts.isShorthandPropertyAssignment(p)) markParams(p.name.text, p.name);
          else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) markParams(p.name.text, p.initializer);
          if (ts.isShorthandPropertyAssignment(p)) this.exportedValues.push([p.name.text, p.name]);
          else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) this.exportedValues.push([p.name.text, p.initializer]);
        }
      }
      if (this.mayUseHttp) this.http.noteExport(name, expr);
      this.noteExportedValue(name, expr);
      if (name === 'default' && hints.sdkModuleFactory) {
        const fn = this.sdk.functionOf(expr);
        if (fn) this.sdk.noteModuleFactory(fn);
      }
    }
    // another module hands the SDK instance to an export this file does not show as a function or class
    for (const name of Object.keys(sdkParams)) {
      if (handedOver.has(name)) continue;
      const at = this.sourceFile.statements[0] ?? this.sourceFile;
      const what = `the SDK instance is handed to \`${name}\` of this module, which Policy Lens cannot follow`;
      if (!this.sdk.escapes.some((e) => e.what === what)) this.sdk.escapes.push({ node: at, what });
    }
  }
}

/** Literals, templates, `a || b` fallbacks and `+` joins: what an exported string constant is made of. */
/** A string (or a number: importers read timer delays and ports from it) a module can export as a constant. */
/** `5 * 1000`, `60 * 60 * 1000`, `(2 + 3) * 1000`: arithmetic on number literals only, or undefined. */
function literalArithmetic(e: ts.Expression, depth = 0): number | undefined {
  const u = unwrap(e);
  if (depth > 8 || !ts.isBinaryExpression(u)) return undefined;
  const side = (x: ts.Expression) => (ts.isNumericLiteral(unwrap(x)) ? Number((unwrap(x) as ts.NumericLiteral).text.replace(/_/g, '')) : literalArithmetic(x, depth + 1));
  const l = side(u.left);
  const r = l === undefined ? undefined : side(u.right);
  if (l === undefined || r === undefined) return undefined;
  switch (u.operatorToken.kind) {
    case ts.SyntaxKind.AsteriskToken: return l * r;
    case ts.SyntaxKind.PlusToken: return l + r;
    case ts.SyntaxKind.MinusToken: return l - r;
    case ts.SyntaxKind.SlashToken: return r === 0 ? undefined : l / r;
    default: return undefined;
  }
}

function isStringExpression(e: ts.Expression): boolean {
  return ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || ts.isTemplateExpression(e) || (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.PlusToken));
}

/** Whether an assignment target can read `module.exports…`/`exports.…`: getText (a trivia scan) only for those. */
function isExportsAccess(left: ts.Expression): boolean {
  let root: ts.Expression = left;
  while (ts.isPropertyAccessExpression(root)) root = root.expression;
  return root !== left && ts.isIdentifier(root) && (root.escapedText === 'module' || root.escapedText === 'exports');
}

export function requireSpecifier(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (!(ts.isIdentifier(e) && e.text === 'require') && e.kind !== ts.SyntaxKind.ImportKeyword) return undefined;
  const a = call.arguments[0];
  return a && ts.isStringLiteralLike(a) ? a.text : undefined;
}

import { ts } from '../ts';
import type { FileModel } from './file-model';
import { StoreCalls, type StoreIdentity, type StoreOp, type StoreOpKind } from './store-calls';
import { accessChain, calleeName, isFunctionLike, propertyName, unwrap } from './syntax';
import { parametersIn } from './tracking/parameter-flow';
import type { Callable } from './tracking/syntax-index';

export type { StoreIdentity, StoreOp, StoreOpKind } from './store-calls';

/**
 * The app's stores (database tables and collections, ORM models, key-value prefixes, files, module-level Maps)
 * and what code does to them, for A.7/A.8: where personal data is written, and what erases or refreshes the same
 * store. A store has an identity (`table leads`, `key lead:`, `file leads.json`) when the code names it; an
 * unnamed one is "cannot tell", never matched to another.
 *
 * A function or method whose body writes its parameter to a store is itself a store (`saveLead(lead)` around
 * `INSERT INTO leads`), through the file's calls and, by name, through the modules that import it (the engine's
 * hints, like follow actions). The vocabulary is in rules/data/sinks.json (`stores`).
 */

/** What a function of this file does to stores, for its callers in this file and in importing modules. */
export interface StoreFunction {
  kind: StoreOpKind;
  store?: StoreIdentity;
  /** Parameter positions whose values are written (writes only). */
  params: number[];
  /** The store call inside, in the function's file (`file` is added by the hints pass for importers). */
  start: number;
  end: number;
  file?: string;
}

const MAX_HOPS = 3;

const cache = new WeakMap<FileModel, StoreModel>();

export function storeModel(model: FileModel): StoreModel {
  let m = cache.get(model);
  if (!m) cache.set(model, (m = new StoreModel(model)));
  return m;
}

export class StoreModel {
  /** Store calls of the file itself, by call. */
  readonly direct = new Map<ts.CallExpression, StoreOp>();
  private readonly summaries = new Map<ts.Node, StoreFunction[]>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly imported: Record<string, StoreFunction[]>;
  private allOps: StoreOp[] | undefined;
  private readonly calls: StoreCalls;

  constructor(private readonly model: FileModel) {
    this.imported = model.hints.importedStoreFunctions ?? {};
    this.calls = new StoreCalls(model);
    const notStorage = new Set<ts.CallExpression>([...model.sdk.calls.map((c) => c.call), ...model.http.calls.map((h) => h.call)]);
    for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
      if (notStorage.has(call)) continue;
      const op = this.calls.op(call);
      // `repo.save(lead)` on the app's own class or module is that function's store, not a store of its own
      if (op && !this.isAppFunction(call)) this.direct.set(call, op);
    }
  }

  /**
   * Every op of the file as its callers see it: direct store calls, calls of the file's own store functions and
   * calls of store functions of imported modules (each with the store call inside as `inner`).
   */
  ops(): StoreOp[] {
    if (this.allOps) return this.allOps;
    const out: StoreOp[] = [...this.direct.values()];
    this.allOps = out;
    const sites = new Set<ts.CallExpression>();
    // call sites of the file's store functions (and of their callers), found from the functions: few calls are
    // any, and asking the tracker about every call of the file is what a keystroke cannot pay for
    const fns = new Set<ts.Node>();
    for (const op of this.direct.values()) {
      const fn = this.model.tracker.functionOf(op.call);
      if (fn) fns.add(fn);
    }
    let frontier = [...fns];
    for (let hop = 0; hop < MAX_HOPS && frontier.length; hop++) {
      const next: ts.Node[] = [];
      for (const fn of frontier) {
        if (!this.summary(fn, 0).length) continue;
        for (const site of this.model.tracker.callSitesOf(fn)) {
          if (ts.isCallExpression(site) && !this.direct.has(site)) sites.add(site);
          const outer = this.model.tracker.functionOf(site);
          if (outer && !fns.has(outer)) {
            fns.add(outer);
            next.push(outer);
          }
        }
      }
      frontier = next;
    }
    const names = Object.keys(this.imported);
    if (names.length) {
      const wanted = new Set(names);
      for (const call of this.model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
        const name = calleeName(call);
        if (name && wanted.has(name) && !this.direct.has(call)) sites.add(call);
      }
    }
    for (const call of sites) out.push(...this.viaFunctions(call));
    return out;
  }

  /** What a call does to stores through functions: the file's own (resolved by the tracker) or imported ones. */
  viaFunctions(call: ts.CallExpression): StoreOp[] {
    const out: StoreOp[] = [];
    const callees = this.model.tracker.calleesOf(call);
    const fns: StoreFunction[] = [];
    for (const fn of callees) fns.push(...this.summary(fn, 0));
    if (!callees.length) {
      const name = calleeName(call);
      if (name && Object.hasOwn(this.imported, name) && this.importedCallee(call)) fns.push(...this.imported[name]!);
    }
    for (const f of fns) {
      const data = f.params.map((i) => call.arguments[i]).filter((a): a is ts.Expression => !!a);
      out.push({ call, kind: f.kind, store: f.store, data, method: calleeName(call) ?? 'call', inner: { file: f.file, start: f.start, end: f.end } });
    }
    return out;
  }

  /** Named functions and methods of the file that write their parameters to a store or delete from one. */
  exportedFunctions(): Record<string, StoreFunction[]> {
    const out: Record<string, StoreFunction[]> = {};
    if (!this.direct.size && !Object.keys(this.imported).length) return out;
    const fns = new Set<Callable>();
    for (const op of this.ops()) {
      const fn = this.model.tracker.functionOf(op.call);
      if (fn) fns.add(fn);
    }
    // one hop of the file's own calls: `save(lead)` calling `insert(lead)` here
    for (const fn of [...fns]) for (const site of this.model.tracker.callSitesOf(fn)) {
      const outer = this.model.tracker.functionOf(site);
      if (outer) fns.add(outer);
    }
    for (const fn of fns) {
      const name = functionName(fn);
      const summary = this.summary(fn, 0);
      if (!name || !summary.length || Object.hasOwn(out, name)) continue;
      out[name] = summary.map((s) => (s.file ? { ...s } : { kind: s.kind, ...(s.store ? { store: s.store } : {}), params: s.params, start: s.start, end: s.end }));
    }
    return out;
  }

  /** What a function does to stores: its own store calls and those of the functions it calls, parameters mapped. */
  summary(fn: ts.Node, hops: number): StoreFunction[] {
    const known = this.summaries.get(fn);
    if (known) return known;
    if (this.inProgress.has(fn) || hops > MAX_HOPS || !isFunctionLike(fn)) return [];
    this.inProgress.add(fn);
    const out: StoreFunction[] = [];
    try {
      const params = fn.parameters;
      const visit = (n: ts.Node): void => {
        if (ts.isCallExpression(n)) {
          const direct = this.direct.get(n);
          const ops = direct ? [direct] : this.viaCallees(n, hops);
          for (const op of ops) {
            const written = op.kind === 'delete' ? [] : parametersIn((id) => this.model.tracker.declarationOf(id), op.data, params);
            if (op.kind !== 'delete' && !written.length) continue;
            const at = op.inner && !op.inner.file ? op.inner : { start: op.call.getStart(this.model.sourceFile), end: op.call.getEnd() };
            if (!out.some((o) => o.kind === op.kind && o.store?.key === op.store?.key && o.start === at.start)) out.push({ kind: op.kind, store: op.store, params: written, start: at.start, end: at.end, file: op.inner?.file });
          }
        }
        // a function declared inside is its own function, called or not; callbacks passed along run here
        if (n !== fn && (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isClassLike(n))) return;
        ts.forEachChild(n, visit);
      };
      if (fn.body) visit(fn.body);
    } finally {
      this.inProgress.delete(fn);
    }
    this.summaries.set(fn, out);
    return out;
  }

  private viaCallees(call: ts.CallExpression, hops: number): StoreOp[] {
    const callees = this.model.tracker.calleesOf(call);
    const out: StoreOp[] = [];
    for (const fn of callees) {
      for (const f of this.summary(fn, hops + 1)) {
        const data = f.params.map((i) => call.arguments[i]).filter((a): a is ts.Expression => !!a);
        out.push({ call, kind: f.kind, store: f.store, data, method: calleeName(call) ?? 'call', inner: { file: f.file, start: f.start, end: f.end } });
      }
    }
    if (!callees.length) {
      const name = calleeName(call);
      if (name && Object.hasOwn(this.imported, name) && this.importedCallee(call)) {
        for (const f of this.imported[name]!) {
          const data = f.params.map((i) => call.arguments[i]).filter((a): a is ts.Expression => !!a);
          out.push({ call, kind: f.kind, store: f.store, data, method: name, inner: { file: f.file, start: f.start, end: f.end } });
        }
      }
    }
    return out;
  }

  private isAppFunction(call: ts.CallExpression): boolean {
    if (this.model.tracker.calleesOf(call).length) return true;
    const name = calleeName(call);
    return !!name && Object.hasOwn(this.imported, name) && this.importedCallee(call);
  }

  /**
   * A call that may reach another module's store function: a name imported from the app's modules, or a method
   * on something the file does not build itself (an imported instance, a constructor parameter, `this.repo`).
   */
  private importedCallee(call: ts.CallExpression): boolean {
    const e = unwrap(call.expression);
    if (ts.isIdentifier(e)) return this.relativeNames().has(e.text);
    if (!ts.isPropertyAccessExpression(e)) return false;
    const chain = accessChain(e.expression);
    const root = chain?.[0];
    if (!root) return true; // `(await repo()).save(x)`, `new LeadRepo().save(x)`: built from something imported
    // console, JSON, a logger or a known database receiver have methods of their own
    return !/^(console|JSON|Math|Object|Array|Promise|process|res|response|req|request)$/.test(root);
  }

  private relativeNames(): Set<string> {
    if (!this.relative) {
      this.relative = new Set();
      for (const imp of this.model.imports) if (imp.spec.startsWith('.')) for (const n of imp.names) this.relative.add(n);
      for (const [n, spec] of this.model.requireBindings) if (spec.startsWith('.')) this.relative.add(n);
    }
    return this.relative;
  }

  private relative: Set<string> | undefined;
}

/** The name callers use for a function: its declaration, method, variable, property or `X.prototype.m` name. */
function functionName(fn: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name) return propertyName(fn.name);
  const p = fn.parent;
  if (!p) return undefined;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return propertyName(p.name);
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left)) return p.left.name.text;
  return undefined;
}

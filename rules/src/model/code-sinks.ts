import { ts } from '../ts';
import type { FileModel } from './file-model';
import { propertyName, unwrap } from './syntax';
import type { ValueResolver } from './values';

/**
 * Calls that run code or commands handed to them at run time: `eval`, `Function`, string timers,
 * `vm`, `vm2`, `child_process`, `shelljs`, `execa`, and module loading (`require`/`import()`).
 * Shared by the B.4 rules (dynamic-code-execution, obfuscated-payload).
 */
export type SinkKind = 'eval' | 'function' | 'timer' | 'vm' | 'process' | 'module';

export interface CodeSink {
  node: ts.CallExpression | ts.NewExpression;
  kind: SinkKind;
  /** How a reader recognises it: `eval`, `new Function`, `vm.runInThisContext`, `child_process.exec` … */
  name: string;
  /** The argument that is code, a shell command, an executable or a module specifier. */
  code: ts.Expression | undefined;
  /** Arguments handed to a shell (`spawn('sh', ['-c', cmd])`, `{ shell: true }`): as dangerous as the command. */
  shellArgs?: ts.Expression[];
}

const PROCESS_MODULES = new Set(['child_process', 'node:child_process']);
const VM_MODULES = new Set(['vm', 'node:vm']);
const SHELL_FNS = new Set(['exec', 'execSync']);
const FILE_FNS = new Set(['execFile', 'execFileSync', 'spawn', 'spawnSync']);
const VM_FNS = new Set(['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']);
const VM_CLASSES = new Set(['Script', 'SourceTextModule']);
const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|zsh|dash|ksh|cmd(?:\.exe)?|powershell(?:\.exe)?|pwsh)$/i;
const SHELL_FLAGS = new Set(['-c', '/c', '/C', '-Command', '-command', '-e', '--eval', '-lc']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

interface Binding { spec: string; exported: string }

export class CodeSinks {
  /** Local names bound to a whole module (`const cp = require('child_process')`, `import * as vm`). */
  private readonly namespaces = new Map<string, string>();
  /** Local names bound to one export (`const { exec } = require('child_process')`, promisified copies). */
  private readonly named = new Map<string, Binding>();
  /** `const sandbox = new VM()` (vm2). */
  private readonly vm2Instances = new Set<string>();

  constructor(private readonly model: FileModel) {
    for (const imp of model.nodes<ts.ImportDeclaration>(ts.SyntaxKind.ImportDeclaration)) this.noteImport(imp);
    const decls = model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration);
    // twice: aliases (`const run = promisify(exec)`) may be declared before what they alias
    for (let pass = 0; pass < 2; pass++) for (const d of decls) this.noteDeclaration(d);
  }

  private noteImport(imp: ts.ImportDeclaration): void {
    if (!ts.isStringLiteral(imp.moduleSpecifier) || !isWatched(imp.moduleSpecifier.text)) return;
    const spec = imp.moduleSpecifier.text;
    const clause = imp.importClause;
    if (clause?.name) this.namespaces.set(clause.name.text, spec);
    const nb = clause?.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) this.namespaces.set(nb.name.text, spec);
    if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) this.named.set(el.name.text, { spec, exported: (el.propertyName ?? el.name).text });
  }

  private noteDeclaration(d: ts.VariableDeclaration): void {
    if (!d.initializer) return;
    const init = unwrap(d.initializer);
    const spec = requiredSpec(init);
    if (spec !== undefined && isWatched(spec)) {
      if (ts.isIdentifier(d.name)) this.namespaces.set(d.name.text, spec);
      else if (ts.isObjectBindingPattern(d.name)) {
        for (const el of d.name.elements) {
          const exported = el.propertyName ? propertyName(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
          if (exported && ts.isIdentifier(el.name)) this.named.set(el.name.text, { spec, exported });
        }
      }
      return;
    }
    if (!ts.isIdentifier(d.name)) return;
    // const exec = require('child_process').exec / cp.exec / promisify(exec)
    const ref = this.functionRef(promisified(init) ?? init);
    if (ref) this.named.set(d.name.text, ref);
    if (ts.isNewExpression(init)) {
      const cls = this.functionRef(init.expression);
      if (cls?.spec === 'vm2' && (cls.exported === 'VM' || cls.exported === 'NodeVM')) this.vm2Instances.add(d.name.text);
    }
  }

  /** What module export an expression names, if it names one of a watched module. */
  private functionRef(expr: ts.Expression): Binding | undefined {
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) return this.named.get(e.text);
    if (ts.isPropertyAccessExpression(e)) {
      const obj = unwrap(e.expression);
      const direct = requiredSpec(obj);
      if (direct !== undefined && isWatched(direct)) return { spec: direct, exported: e.name.text };
      if (ts.isIdentifier(obj) && this.namespaces.has(obj.text)) return { spec: this.namespaces.get(obj.text)!, exported: e.name.text };
    }
    return undefined;
  }

  /** The sink a call or `new` expression is, if any. */
  sinkOf(node: ts.Node): CodeSink | undefined {
    if (ts.isCallExpression(node)) return this.callSink(node);
    if (ts.isNewExpression(node)) return this.newSink(node);
    return undefined;
  }

  private callSink(call: ts.CallExpression): CodeSink | undefined {
    const args = call.arguments;
    if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return { node: call, kind: 'module', name: 'import()', code: args[0] };
    const callee = unwrap(call.expression);
    const globalName = this.globalName(callee);
    if (globalName === 'eval') return { node: call, kind: 'eval', name: 'eval', code: args[0] };
    if (globalName === 'Function') return { node: call, kind: 'function', name: 'Function', code: args[args.length - 1] };
    if (globalName === 'setTimeout' || globalName === 'setInterval') {
      // only the string form compiles code; a function argument is ordinary
      const s = args[0] ? this.model.values.string(args[0]) : undefined;
      return s ? { node: call, kind: 'timer', name: globalName, code: args[0] } : undefined;
    }
    if (globalName === 'require') return { node: call, kind: 'module', name: 'require', code: args[0] };
    if (ts.isPropertyAccessExpression(callee)) {
      const m = callee.name.text;
      const obj = unwrap(callee.expression);
      if (m === 'require' && ts.isIdentifier(obj) && obj.text === 'module') return { node: call, kind: 'module', name: 'module.require', code: args[0] };
      if (m === '_compile' && ts.isIdentifier(obj) && obj.text === 'module') return { node: call, kind: 'vm', name: 'module._compile', code: args[0] };
      if (m === 'run' && (this.isVm2Instance(obj))) return { node: call, kind: 'vm', name: 'vm2 run', code: args[0] };
    }
    const ref = this.functionRef(callee);
    if (!ref) return undefined;
    const name = `${ref.spec.replace(/^node:/, '')}.${ref.exported}`;
    if (PROCESS_MODULES.has(ref.spec)) {
      if (SHELL_FNS.has(ref.exported)) return { node: call, kind: 'process', name, code: args[0] };
      if (ref.exported === 'fork') return { node: call, kind: 'process', name, code: args[0] };
      if (FILE_FNS.has(ref.exported)) return { node: call, kind: 'process', name, code: args[0], shellArgs: this.shellArgs(args) };
      return undefined;
    }
    if (VM_MODULES.has(ref.spec) && VM_FNS.has(ref.exported)) return { node: call, kind: 'vm', name, code: args[0] };
    if (ref.spec === 'shelljs' && ref.exported === 'exec') return { node: call, kind: 'process', name, code: args[0] };
    if (ref.spec === 'execa') {
      if (ref.exported === 'execaCommand' || ref.exported === 'execaCommandSync') return { node: call, kind: 'process', name, code: args[0] };
      if (ref.exported === 'execa' || ref.exported === 'execaSync' || ref.exported === 'default') return { node: call, kind: 'process', name, code: args[0], shellArgs: this.shellArgs(args) };
    }
    return undefined;
  }

  private newSink(node: ts.NewExpression): CodeSink | undefined {
    const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
    const callee = unwrap(node.expression);
    if (this.globalName(callee) === 'Function') return { node, kind: 'function', name: 'new Function', code: args[args.length - 1] };
    const ref = this.functionRef(callee);
    if (ref && VM_MODULES.has(ref.spec) && VM_CLASSES.has(ref.exported)) return { node, kind: 'vm', name: `new vm.${ref.exported}`, code: args[0] };
    if (ref?.spec === 'vm2' && ref.exported === 'VMScript') return { node, kind: 'vm', name: 'new VMScript', code: args[0] };
    return undefined;
  }

  /** `eval`, `globalThis.eval`, `(0, eval)` … when the name is not a local binding of the file. */
  private globalName(callee: ts.Expression): string | undefined {
    let e = callee;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.CommaToken) e = unwrap(e.right);
    if (ts.isIdentifier(e)) return this.isLocal(e.text) ? undefined : e.text;
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && GLOBAL_OBJECTS.has(e.expression.text)) return e.name.text;
    return undefined;
  }

  private isLocal(name: string): boolean {
    return this.model.values.initializerOf(name) !== undefined || this.model.functionsByName.has(name) || this.named.has(name);
  }

  private isVm2Instance(obj: ts.Expression): boolean {
    if (ts.isIdentifier(obj)) return this.vm2Instances.has(obj.text);
    if (ts.isNewExpression(obj)) {
      const cls = this.functionRef(obj.expression);
      return cls?.spec === 'vm2' && (cls.exported === 'VM' || cls.exported === 'NodeVM');
    }
    return false;
  }

  /** Arguments that reach a shell: after `-c` of a literal shell, or every argument with `{ shell: true }`. */
  private shellArgs(args: ts.NodeArray<ts.Expression>): ts.Expression[] | undefined {
    const values = this.model.values;
    const list = values.arrayLiteral(args[1]);
    const opts = values.objectLiteral(args[2]) ?? (list ? undefined : values.objectLiteral(args[1]));
    const shellOpt = opts ? opts.properties.find((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === 'shell') : undefined;
    const withShell = !!shellOpt && ts.isPropertyAssignment(shellOpt) && unwrap(shellOpt.initializer).kind !== ts.SyntaxKind.FalseKeyword;
    if (!list) return undefined;
    const items = [...list.elements].filter((x): x is ts.Expression => !ts.isOmittedExpression(x));
    if (withShell) return items;
    const cmd = args[0] ? values.string(args[0]) : undefined;
    if (!cmd?.exact || !SHELLS.test(cmd.text.trim()) && !/^node(\.exe)?$/.test(cmd.text.trim())) return undefined;
    const flag = items.findIndex((x) => SHELL_FLAGS.has(values.string(x)?.text ?? ''));
    return flag >= 0 ? items.slice(flag + 1) : undefined;
  }
}

function isWatched(spec: string): boolean {
  return PROCESS_MODULES.has(spec) || VM_MODULES.has(spec) || spec === 'vm2' || spec === 'shelljs' || spec === 'execa';
}

function requiredSpec(e: ts.Expression): string | undefined {
  const x = unwrap(e);
  if (!ts.isCallExpression(x)) return undefined;
  const isRequire = ts.isIdentifier(x.expression) && x.expression.text === 'require';
  const a = x.arguments[0];
  return isRequire && a && ts.isStringLiteralLike(a) ? a.text : undefined;
}

/** `promisify(exec)` / `util.promisify(cp.exec)` → the wrapped function expression. */
function promisified(e: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(e)) return undefined;
  const c = unwrap(e.expression);
  const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : undefined;
  return name === 'promisify' ? e.arguments[0] : undefined;
}

/** True when the argument is a module path anchored to the app's own folder (`path.join(__dirname, x)`) or a JSON file. */
export function isAnchoredModulePath(expr: ts.Expression, values: ValueResolver): boolean {
  const text = expr.getText(values.sourceFile);
  if (/\b__dirname\b|\b__filename\b|import\.meta\.(?:url|dirname|filename)|process\.cwd\(\)/.test(text)) return true;
  const s = values.string(expr);
  // `./plugins/${name}` / '../handlers/' + name: a relative prefix keeps it inside the app's tree
  if (s && /^\.{1,2}\//.test(s.text)) return true;
  // require(path.resolve(dir, 'package.json')): JSON is data, not code
  const e = unwrap(expr);
  const last = ts.isCallExpression(e) ? e.arguments[e.arguments.length - 1] : undefined;
  const tail = s?.text ?? (last ? values.string(last)?.text : undefined);
  return !!tail && tail.toLowerCase().endsWith('.json');
}

const TEXT_ENCODINGS = new Set(['base64', 'base64url', 'hex', 'latin1', 'binary', 'ucs2', 'utf16le']);
const INFLATE = new Set(['inflateSync', 'inflateRawSync', 'gunzipSync', 'unzipSync', 'brotliDecompressSync']);
const BASE64 = /^[A-Za-z0-9+/_-]{4,}={0,2}$/;
const HEX = /^[0-9a-fA-F]{8,}$/;
const ESCAPE = /\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{1,6}\})/g;

/**
 * A literal decoded at run time (base64/hex via Buffer or atob, char-code lists, \x-escaped strings,
 * percent-encoding, compressed blobs, reversed strings): 'base64', 'char codes' … or undefined.
 * Through constants of the same file; templates and concatenations count when a part is decoded.
 */
export function decodedLiteral(expr: ts.Expression | undefined, values: ValueResolver, depth = 0): string | undefined {
  if (!expr || depth > 10) return undefined;
  const e = unwrap(expr);
  const next = (x: ts.Expression | undefined) => decodedLiteral(x, values, depth + 1);
  if (ts.isIdentifier(e)) return next(values.initializerOf(e.text));
  if (ts.isStringLiteralLike(e)) return escapedString(e, values.sourceFile) ? 'escaped characters' : undefined;
  if (ts.isTemplateExpression(e)) return e.templateSpans.map((s) => next(s.expression)).find(Boolean);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return next(e.left) ?? next(e.right);
  if (!ts.isCallExpression(e) && !ts.isNewExpression(e)) return undefined;
  const args = e.arguments ?? ts.factory.createNodeArray<ts.Expression>();
  const callee = unwrap(e.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  const receiverName = receiver ? receiver.getText(values.sourceFile) : '';
  // Buffer.from('…', 'base64') / new Buffer([…])
  if ((name === 'from' && receiverName === 'Buffer') || (ts.isNewExpression(e) && name === 'Buffer')) {
    const enc = values.string(args[1])?.text.toLowerCase();
    if (enc && TEXT_ENCODINGS.has(enc)) return isEncodedBlob(args[0], enc, values) ? enc.replace('base64url', 'base64') : undefined;
    return numberList(args[0], values) ? 'byte list' : next(args[0]);
  }
  if (name === 'atob') return isEncodedBlob(args[0], 'base64', values) ? 'base64' : undefined;
  if (name === 'fromCharCode' || name === 'fromCodePoint') {
    if (args.length >= 4 && args.every((a) => ts.isNumericLiteral(unwrap(a)))) return 'char codes';
    const spread = args[0] && ts.isSpreadElement(args[0]) ? args[0].expression : undefined;
    return spread && numberList(spread, values) ? 'char codes' : undefined;
  }
  // String.fromCharCode.apply(null, [...]) / [..].map(c => String.fromCharCode(c)).join('')
  if (name === 'apply' && receiver && /fromCharCode|fromCodePoint/.test(receiverName)) return numberList(args[1], values) ? 'char codes' : undefined;
  if (name === 'join' && receiver && ts.isCallExpression(unwrap(receiver))) {
    const inner = unwrap(receiver) as ts.CallExpression;
    const innerCallee = unwrap(inner.expression);
    if (ts.isPropertyAccessExpression(innerCallee) && innerCallee.name.text === 'map' && /fromCharCode|fromCodePoint/.test(inner.arguments[0]?.getText(values.sourceFile) ?? '') && numberList(innerCallee.expression, values)) return 'char codes';
    if (ts.isPropertyAccessExpression(innerCallee) && innerCallee.name.text === 'reverse') return reversedLiteral(innerCallee.expression, values) ? 'reversed string' : undefined;
  }
  if (name === 'decodeURIComponent' || name === 'decodeURI' || name === 'unescape') {
    const s = values.string(args[0]);
    return s?.exact && (s.text.match(/%[0-9a-fA-F]{2}/g)?.length ?? 0) >= 8 ? 'percent-encoding' : undefined;
  }
  if (name && INFLATE.has(name)) return next(args[0]) ? `compressed ${next(args[0])}` : undefined;
  // Buffer#toString(), TextDecoder#decode(buf), String(buf)
  if (name === 'toString' && receiver) return next(receiver);
  if (name === 'decode' || name === 'String') return next(args[0]);
  return undefined;
}

function isEncodedBlob(arg: ts.Expression | undefined, enc: string, values: ValueResolver): boolean {
  const s = arg ? values.string(arg) : undefined;
  if (!s?.exact) return false;
  const t = s.text.replace(/\s+/g, '');
  if (enc === 'hex') return HEX.test(t) && t.length % 2 === 0;
  if (enc.startsWith('base64')) return BASE64.test(t);
  return t.length >= 8;
}

function numberList(arg: ts.Expression | undefined, values: ValueResolver): boolean {
  const arr = arg ? values.arrayLiteral(arg) : undefined;
  return !!arr && arr.elements.length >= 4 && arr.elements.every((x) => ts.isNumericLiteral(unwrap(x as ts.Expression)));
}

function escapedString(lit: ts.StringLiteralLike, sf: ts.SourceFile): boolean {
  const raw = lit.getText(sf);
  const escapes = raw.match(ESCAPE)?.length ?? 0;
  // mostly escapes: a few \u00e9 in a French greeting are not hiding anything
  return escapes >= 8 && escapes * 4 >= (raw.length - 2) * 0.5;
}

function reversedLiteral(splitCall: ts.Expression, values: ValueResolver): boolean {
  const c = unwrap(splitCall);
  if (!ts.isCallExpression(c) || !ts.isPropertyAccessExpression(c.expression) || c.expression.name.text !== 'split') return false;
  const s = values.string(c.expression.expression);
  return !!s?.exact && s.text.length >= 8;
}

const sharedSinks = new WeakMap<FileModel, { sinks: CodeSinks; known: Map<ts.Node, CodeSink | null> }>();

/**
 * The sink a call or `new` is, with one CodeSinks per file model for the rules that ask (dynamic-code-execution
 * and obfuscated-payload ask about every call of the file, each rule in turn): each node's answer is kept for
 * the file. Callers must not mutate the sink.
 */
export function codeSinkOf(model: FileModel, node: ts.Node): CodeSink | undefined {
  let shared = sharedSinks.get(model);
  if (!shared) sharedSinks.set(model, (shared = { sinks: new CodeSinks(model), known: new Map() }));
  const known = shared.known.get(node);
  if (known !== undefined) return known ?? undefined;
  const sink = shared.sinks.sinkOf(node);
  shared.known.set(node, sink ?? null);
  return sink;
}

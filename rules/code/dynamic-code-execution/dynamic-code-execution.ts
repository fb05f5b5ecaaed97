import { ts } from '../../src/ts';
import { createCodeRule } from '../../src/rule';
import { codeSinkOf, decodedLiteral, isAnchoredModulePath, type CodeSink } from '../../src/model/code-sinks';
import { networkInputOf, type NetworkInput } from '../../src/model/network-input';
import { isFunctionLike, unwrap } from '../../src/model/syntax';
import type { Fix } from '../../src/types';

/** Executables that are the app's own runtime, not a command chosen at run time. */
const OWN_RUNTIME = /^process\.(?:execPath|argv\[0\])$/;

export default createCodeRule({
  meta: {
    id: 'dynamic-code-execution',
    target: 'code',
    description: 'eval, new Function, vm, child_process, require/import() running code, commands or modules built at run time.',
    clauses: ['B.4'],
    severity: 'error',
    securitySeverity: 8.8,
    fixable: true,
    messages: {
      dynamic: '{{sink}} runs {{what}} {{how}} at run time ({{arg}}): the app can be made to run code it does not ship; {{advice}}',
      network: '{{sink}} runs {{what}} taken from {{source}} ({{arg}}): whoever sends that input can run their own code on the server that holds the dealer\'s data; {{advice}}',
    },
  },
  create(context) {
    let network: NetworkInput | undefined;
    const values = context.model.values;

    const check = (node: ts.Node) => {
      const sink = codeSinkOf(context.model, node) ?? timerWithInput(node);
      if (!sink) return;
      const candidates: [ts.Expression | undefined, Role][] = [[sink.code, roleOf(sink)], ...(sink.shellArgs ?? []).map((a): [ts.Expression, Role] => [a, 'shell'])];
      for (const [arg, role] of candidates) {
        if (!arg || isStatic(arg, sink)) continue;
        network ??= networkInputOf(context.model);
        const source = network.source(arg);
        if (!source && (sink.kind === 'module' || sink.name === 'child_process.fork') && isAnchoredModulePath(arg, values)) continue;
        // Loading a module by a computed name is how plugin systems work (formatters, rule folders, view
        // engines): only a name that comes from the network is the B.4 signal (rules.md precision notes).
        if (!source && sink.kind === 'module') continue;
        const data = { sink: callForm(sink.name), what: WHAT[role], how: role === 'program' || role === 'module' ? 'chosen' : 'assembled', advice: ADVICE[role], arg: preview(context.sourceFile, arg), source: source ?? '' };
        const fixes = source && sink.kind === 'eval' && DATA_SOURCES.has(source) ? jsonParseFix(context.file, context.sourceFile, sink.node, arg) : [];
        context.report({ messageId: source ? 'network' : 'dynamic', data, start: sink.node.getStart(context.sourceFile), end: sink.node.getEnd(), severity: context.isTestFile ? 'info' : undefined, fixes });
        return;
      }
    };

    /**
     * `setTimeout(req.body.code, 10)`: a timer given something that is not a function compiles it when it is a
     * string; only input from the network is reported (an unknown variable is usually a callback).
     */
    function timerWithInput(node: ts.Node): CodeSink | undefined {
      if (!ts.isCallExpression(node)) return undefined;
      const name = globalTimerName(node.expression);
      const first = node.arguments[0];
      if (!name || !first || isFunctionLike(unwrap(first)) || isLocal(name)) return undefined;
      if (ts.isIdentifier(unwrap(first)) && context.model.functionsByName.has((unwrap(first) as ts.Identifier).text)) return undefined;
      network ??= networkInputOf(context.model);
      return network.source(first) ? { node, kind: 'timer', name, code: first } : undefined;
    }

    function isLocal(name: string): boolean {
      return values.initializerOf(name) !== undefined || context.model.functionsByName.has(name) || context.model.requireBindings.has(name);
    }

    /** A literal, a constant, a function, or a decoded blob (obfuscated-payload reports those). */
    function isStatic(arg: ts.Expression, sink: CodeSink): boolean {
      const e = unwrap(arg);
      if (ts.isSpreadElement(arg)) return false;
      if (isFunctionLike(e) || values.string(e)?.exact) return true;
      if (sink.kind === 'process' && OWN_RUNTIME.test(e.getText(context.sourceFile).replace(/\s+/g, ''))) return true;
      if (ts.isElementAccessExpression(e) && isAllowList(e.expression)) return true;
      return decodedLiteral(e, values) !== undefined;
    }

    /** `COMMANDS[name]` where COMMANDS is a constant table of literals: a choice among fixed values. */
    function isAllowList(table: ts.Expression): boolean {
      const obj = values.objectLiteral(table);
      if (obj) return obj.properties.length > 0 && obj.properties.every((p) => ts.isPropertyAssignment(p) && !!values.string(p.initializer)?.exact);
      const arr = values.arrayLiteral(table);
      return !!arr && arr.elements.length > 0 && arr.elements.every((x) => !!values.string(x as ts.Expression)?.exact);
    }

    return { [ts.SyntaxKind.CallExpression]: check, [ts.SyntaxKind.NewExpression]: check };
  },
});

/** Inputs that carry data (JSON bodies), where eval() stands in for a parser; chat text is prose, not JSON. */
const DATA_SOURCES = new Set(['an HTTP response', 'the HTTP request']);

/**
 * `eval(body)` / `eval('(' + body + ')')` → `JSON.parse(body)`: the old way of reading JSON. Not safe: a
 * body the client already parsed (axios `res.data`) or one that is not JSON behaves differently.
 */
function jsonParseFix(file: string, sf: ts.SourceFile, call: ts.CallExpression | ts.NewExpression, arg: ts.Expression): Fix[] {
  const data = parenthesised(unwrap(arg)) ?? arg;
  if (isAssembled(data)) return [];
  return [{ description: 'Parse as JSON (JSON.parse)', edits: [{ file, start: call.getStart(sf), end: call.getEnd(), newText: `JSON.parse(${data.getText(sf)})` }], safe: false }];
}

/** X in `'(' + X + ')'`. */
function parenthesised(e: ts.Expression): ts.Expression | undefined {
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.PlusToken) return undefined;
  const close = unwrap(e.right);
  const inner = unwrap(e.left);
  if (!ts.isStringLiteral(close) || close.text !== ')' || !ts.isBinaryExpression(inner) || inner.operatorToken.kind !== ts.SyntaxKind.PlusToken) return undefined;
  const open = unwrap(inner.left);
  return ts.isStringLiteral(open) && open.text === '(' ? inner.right : undefined;
}

/** Code written around the data (`'return ' + x`, a template): then the argument is a program, not a value. */
function isAssembled(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isBinaryExpression(u) || ts.isTemplateExpression(u) || ts.isStringLiteral(u) || ts.isNoSubstitutionTemplateLiteral(u);
}

type Role = 'code' | 'shell' | 'program' | 'module';
const WHAT: Record<Role, string> = { code: 'code', shell: 'a shell command', program: 'a program', module: 'a module' };
const ADVICE: Record<Role, string> = {
  code: 'keep the code in the app and pass data to it as values',
  shell: 'run a fixed program with execFile/spawn and pass the data as separate arguments',
  program: 'pick the program from a fixed list',
  module: 'load modules from a fixed list or from a path inside the app (path.join(__dirname, …))',
};

function roleOf(sink: CodeSink): Role {
  if (sink.kind === 'module' || sink.name === 'child_process.fork') return 'module';
  if (sink.kind === 'process') return /(?:^|\.)exec(?:Sync)?$|Command/.test(sink.name) ? 'shell' : 'program';
  return 'code';
}

function callForm(name: string): string {
  return name.endsWith(')') ? name : `${name}()`;
}

/** The argument as written, on one line, with literal text elided: only the run-time parts are news, and a literal may hold a password. */
function preview(sf: ts.SourceFile, arg: ts.Expression): string {
  // document order, with an explicit stack (a 20,000-term `'a' + …` would overflow a recursive walk), and
  // only as far as the 48 characters shown: eliding every literal of a long argument was quadratic
  let out = '';
  let copied = arg.getStart(sf);
  const stack: ts.Node[] = [arg];
  while (stack.length && out.replace(/\s+/g, ' ').length <= 48) {
    const n = stack.pop()!;
    const cut = elision(sf, n);
    if (cut === undefined) {
      const children: ts.Node[] = [];
      ts.forEachChild(n, (c) => {
        children.push(c);
      });
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
      continue;
    }
    out += sf.text.slice(copied, n.getStart(sf)) + cut;
    copied = n.getEnd();
  }
  if (!stack.length) out += sf.text.slice(copied, arg.getEnd());
  out = out.replace(/\s+/g, ' ');
  return out.length > 48 ? `${out.slice(0, 47)}…` : out;
}

/** What a literal (or a template's literal part) is shown as in a preview; undefined for other nodes. */
function elision(sf: ts.SourceFile, n: ts.Node): string | undefined {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
    const quote = sf.text[n.getStart(sf)]!;
    return quote + '…' + quote;
  }
  if (ts.isTemplateHead(n)) return '`…${';
  if (ts.isTemplateMiddle(n)) return '}…${';
  if (ts.isTemplateTail(n)) return '}…`';
  return undefined;
}

const TIMERS = new Set(['setTimeout', 'setInterval']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

/** `setTimeout`, `global.setInterval`: the timer functions of the global object. */
function globalTimerName(callee: ts.Expression): string | undefined {
  const e = unwrap(callee);
  if (ts.isIdentifier(e)) return TIMERS.has(e.text) ? e.text : undefined;
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && GLOBAL_OBJECTS.has(e.expression.text) && TIMERS.has(e.name.text)) return e.name.text;
  return undefined;
}

import { ts } from '../ts';
import type { FileModel } from './file-model';
import { accessChain, boundNames, isFunctionLike, unwrap } from './syntax';

const REQUEST_ROOTS = new Set(['req', 'request']);
const REQUEST_PARTS = new Set(['body', 'query', 'params', 'headers', 'cookies', 'rawBody', 'url', 'originalUrl', 'path']);
const KOA_PARTS = new Set(['request', 'query', 'params', 'headers']);
const LAMBDA_PARTS = new Set(['body', 'queryStringParameters', 'pathParameters', 'headers']);

/**
 * Where a value comes from when an outsider controls it: a chat message (SDK handler payloads), an
 * HTTP request (express/koa/lambda shapes), or an HTTP response (fetch/axios/got results). Same-file,
 * by variable name (a name declared more than once is not followed).
 */
export class NetworkInput {
  /** Names that carry outside input, filled on first need (see `taintOf`). */
  private tainted: Map<string, string> | undefined;
  /** Names `tainted` can hold at all: the SDK's message names and variables declared once. */
  private readonly candidates = new Set<string>();
  private readonly httpCalls: Set<ts.Node>;

  constructor(private readonly model: FileModel) {
    for (const n of model.sdk.messageNames) this.candidates.add(n);
    this.httpCalls = new Set<ts.Node>(model.http.calls.map((c) => c.call));
    const count = new Map<string, number>();
    for (const d of model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration)) for (const n of boundNames(d.name)) count.set(n, (count.get(n) ?? 0) + 1);
    for (const [n, c] of count) if (c === 1) this.candidates.add(n);
  }

  /**
   * The source a name carries. Following every declaration's initializer costs a pass over the file, which
   * most questions never need (a callback's parameter, a name declared twice): those are answered from
   * `candidates` alone.
   */
  private taintOf(name: string): string | undefined {
    if (!this.candidates.has(name)) return undefined;
    if (!this.tainted) {
      // set before it is filled: the initializers are read with what is known so far, as in declaration order
      const tainted = (this.tainted = new Map<string, string>());
      for (const n of this.model.sdk.messageNames) tainted.set(n, 'a chat message');
      const decls = this.model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration);
      // twice: a value may flow through variables declared in any order
      for (let pass = 0; pass < 2; pass++) {
        for (const d of decls) {
          if (!d.initializer) continue;
          const src = this.source(d.initializer);
          if (!src) continue;
          for (const n of boundNames(d.name)) if (this.candidates.has(n) && !tainted.has(n)) tainted.set(n, src);
        }
      }
    }
    return this.tainted.get(name);
  }

  /** 'a chat message' / 'the HTTP request' / 'an HTTP response' when the expression carries such data. */
  source(expr: ts.Expression | undefined): string | undefined {
    if (!expr) return undefined;
    // pre-order with an explicit stack: a 20,000-term `'a' + …` argument would overflow a recursive walk
    const stack: ts.Node[] = [unwrap(expr)];
    const children: ts.Node[] = [];
    const collect = (c: ts.Node) => {
      children.push(c);
    };
    while (stack.length) {
      const node = stack.pop()!;
      if (isFunctionLike(node)) continue; // a callback is not the value
      if (this.httpCalls.has(node)) return 'an HTTP response';
      if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
        const chain = accessChain(node);
        const src = chain ? this.chainSource(chain) : undefined;
        if (src) return src;
        if (ts.isElementAccessExpression(node)) stack.push(node.argumentExpression);
        stack.push(node.expression);
        continue;
      }
      if (ts.isIdentifier(node)) {
        const src = this.taintOf(node.text);
        if (src && !isDeclarationName(node)) return src;
        continue;
      }
      children.length = 0;
      ts.forEachChild(node, collect);
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
    }
    return undefined;
  }

  private chainSource(chain: string[]): string | undefined {
    const [root, second, third] = chain;
    if (!root) return undefined;
    if (REQUEST_ROOTS.has(root) && second && REQUEST_PARTS.has(second)) return 'the HTTP request';
    if (root === 'ctx' && second && KOA_PARTS.has(second) && (second !== 'request' || (third !== undefined && REQUEST_PARTS.has(third)))) return 'the HTTP request';
    if (root === 'event' && second && LAMBDA_PARTS.has(second)) return 'the HTTP request';
    return this.taintOf(root);
  }
}

function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isFunctionDeclaration(p)) && p.name === id;
}

const shared = new WeakMap<FileModel, NetworkInput>();

/**
 * One NetworkInput per file model for the rules that ask (dynamic-code-execution, impersonation,
 * webhook-unverified): its constructor follows every declaration of the file, which each rule used to
 * repeat for itself. Its answers depend on the model alone, so sharing it changes none.
 */
export function networkInputOf(model: FileModel): NetworkInput {
  let input = shared.get(model);
  if (!input) shared.set(model, (input = new NetworkInput(model)));
  return input;
}

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
  private readonly tainted = new Map<string, string>();
  private readonly httpCalls: Set<ts.Node>;

  constructor(model: FileModel) {
    for (const n of model.sdk.messageNames) this.tainted.set(n, 'a chat message');
    this.httpCalls = new Set<ts.Node>(model.http.calls.map((c) => c.call));
    const decls = model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration);
    const count = new Map<string, number>();
    for (const d of decls) for (const n of boundNames(d.name)) count.set(n, (count.get(n) ?? 0) + 1);
    // twice: a value may flow through variables declared in any order
    for (let pass = 0; pass < 2; pass++) {
      for (const d of decls) {
        if (!d.initializer) continue;
        const src = this.source(d.initializer);
        if (!src) continue;
        for (const n of boundNames(d.name)) if (count.get(n) === 1 && !this.tainted.has(n)) this.tainted.set(n, src);
      }
    }
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
        const src = this.tainted.get(node.text);
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
    return this.tainted.get(root);
  }
}

function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isFunctionDeclaration(p)) && p.name === id;
}

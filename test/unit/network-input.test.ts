// NetworkInput follows the file's declarations only when a question needs them (a name that could carry input).
// Its answers must be those of following every declaration up front, as it did before: compared here with that
// eager reference on every expression of every rule fixture and of generated bots.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FileModel } from '../../rules/src/model/file-model';
import { NetworkInput, networkInputOf } from '../../rules/src/model/network-input';
import { accessChain, boundNames, isFunctionLike, unwrap } from '../../rules/src/model/syntax';
import { parseCode } from '../../rules/src/parse';
import { ts } from '../../rules/src/ts';
import { generateBots } from '../bench/generate';
import { codeFilesUnder, ruleFolders } from '../support/rule-folders';

/** The eager reference: every declaration followed (twice) at construction, as NetworkInput used to. */
class EagerReference {
  private readonly tainted = new Map<string, string>();
  private readonly httpCalls: Set<ts.Node>;

  constructor(model: FileModel) {
    for (const n of model.sdk.messageNames) this.tainted.set(n, 'a chat message');
    this.httpCalls = new Set<ts.Node>(model.http.calls.map((c) => c.call));
    const decls = model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration);
    const count = new Map<string, number>();
    for (const d of decls) for (const n of boundNames(d.name)) count.set(n, (count.get(n) ?? 0) + 1);
    for (let pass = 0; pass < 2; pass++) {
      for (const d of decls) {
        const src = d.initializer && this.source(d.initializer);
        if (src) for (const n of boundNames(d.name)) if (count.get(n) === 1 && !this.tainted.has(n)) this.tainted.set(n, src);
      }
    }
  }

  source(expr: ts.Expression): string | undefined {
    const node = unwrap(expr);
    if (isFunctionLike(node)) return undefined;
    if (this.httpCalls.has(node)) return 'an HTTP response';
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const chain = accessChain(node);
      const [root, second, third] = chain ?? [];
      if (root !== undefined) {
        if ((root === 'req' || root === 'request') && second && ['body', 'query', 'params', 'headers', 'cookies', 'rawBody', 'url', 'originalUrl', 'path'].includes(second)) return 'the HTTP request';
        if (root === 'ctx' && second && ['request', 'query', 'params', 'headers'].includes(second) && (second !== 'request' || (third !== undefined && ['body', 'query', 'params', 'headers', 'cookies', 'rawBody', 'url', 'originalUrl', 'path'].includes(third)))) return 'the HTTP request';
        if (root === 'event' && second && ['body', 'queryStringParameters', 'pathParameters', 'headers'].includes(second)) return 'the HTTP request';
        const t = this.tainted.get(root);
        if (t) return t;
      }
      // the object before the index, as the search pops them
      return this.source(node.expression) ?? (ts.isElementAccessExpression(node) ? this.source(node.argumentExpression) : undefined);
    }
    if (ts.isIdentifier(node)) {
      const src = this.tainted.get(node.text);
      const p = node.parent;
      const declName = (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isFunctionDeclaration(p)) && p.name === node;
      return src && !declName ? src : undefined;
    }
    let found: string | undefined;
    ts.forEachChild(node, (c) => (found ??= this.source(c as ts.Expression)) !== undefined);
    return found;
  }
}

describe('network input', () => {
  const bots = mkdtempSync(join(tmpdir(), 'policy-lens-network-input-'));
  after(() => rmSync(bots, { recursive: true, force: true }));
  generateBots(bots, 6, 5);
  const files = [...ruleFolders().flatMap((f) => codeFilesUnder(join(f.dir, 'cases'))), ...codeFilesUnder(bots)];

  it('answers as following every declaration up front does, whatever is asked first', () => {
    let tainted = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const parsed = parseCode(file, text);
      if (!parsed.ok) continue;
      const model = new FileModel(file, text, parsed.sourceFile, { sdkModules: ['chipchat'] }, []);
      const reference = new EagerReference(model);
      // one instance asked in document order, one in reverse: a table built mid-question must not differ
      const forwards = new NetworkInput(model);
      const backwards = new NetworkInput(model);
      const expressions: ts.Expression[] = [];
      const visit = (n: ts.Node) => {
        if (ts.isExpression(n)) expressions.push(n);
        ts.forEachChild(n, visit);
      };
      ts.forEachChild(parsed.sourceFile, visit);
      const expected = expressions.map((e) => reference.source(e));
      assert.deepEqual(expressions.map((e) => forwards.source(e)), expected, file);
      assert.deepEqual([...expressions].reverse().map((e) => backwards.source(e)).reverse(), expected, file);
      tainted += expected.filter((s) => s !== undefined).length;
    }
    assert.ok(tainted > 200, `only ${tainted} expressions carry input: the comparison says little`);
  });

  it('is shared by the rules of one file model', () => {
    const text = 'const x = req.body;';
    const parsed = parseCode('a.js', text);
    assert.ok(parsed.ok);
    const model = new FileModel('a.js', text, parsed.sourceFile, { sdkModules: [] }, []);
    assert.equal(networkInputOf(model), networkInputOf(model));
  });
});

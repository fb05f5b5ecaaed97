// The engine's dispatch visits, for each listener, exactly the nodes of its kinds in document order (or, for a
// statement-local rule after an edit, exactly those inside the changed statements), and stops at the deadline.
// Checked against a plain walk of the tree on every rule fixture and generated bot code.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { allRules } from '../../rules/index';
import { listenedKinds } from '../../rules/src/engine/analyze-file';
import { dispatch, DispatchNodes, slicesInside } from '../../rules/src/engine/dispatch';
import { OverBudget } from '../../rules/src/budget';
import { FileModel } from '../../rules/src/model/file-model';
import { parseCode } from '../../rules/src/parse';
import type { CodeRule } from '../../rules/src/rule';
import { ts } from '../../rules/src/ts';
import type { CodeRuleListener } from '../../rules/src/types';
import { generateBots } from '../bench/generate';
import { codeFilesUnder, ruleFolders } from '../support/rule-folders';

const KINDS = listenedKinds(allRules.filter((r): r is CodeRule => r.kind === 'code'));

/** Every node of the tree in document order (pre-order), as a reader of the source would list them. */
function allNodes(sf: ts.SourceFile): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node) => {
    out.push(n);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(sf, visit);
  return out;
}

/** A listener that records what it is called with, for `kinds`. */
function recorder(kinds: readonly ts.SyntaxKind[]): { listener: CodeRuleListener; seen: ts.Node[] } {
  const seen: ts.Node[] = [];
  const listener: CodeRuleListener = {};
  for (const k of kinds) listener[k] = (n: ts.Node) => void seen.push(n);
  return { listener, seen };
}

function visited(nodes: DispatchNodes, kinds: readonly ts.SyntaxKind[], spans?: [number, number][]): ts.Node[] {
  const { listener, seen } = recorder(kinds);
  const run = nodes.forKinds(kinds);
  dispatch(run, listener, kinds, spans && slicesInside(run.nodes, spans), Infinity, 1, () => 0);
  return seen;
}

describe('dispatch', () => {
  const bots = mkdtempSync(join(tmpdir(), 'policy-lens-dispatch-'));
  after(() => rmSync(bots, { recursive: true, force: true }));
  generateBots(bots, 6, 3);
  const files = [...ruleFolders().flatMap((f) => codeFilesUnder(join(f.dir, 'cases'))), ...codeFilesUnder(bots)];
  // kind sets as rules declare them: one kind, several, and kinds the model rarely sees
  const kindSets: ts.SyntaxKind[][] = [
    [ts.SyntaxKind.CallExpression],
    [ts.SyntaxKind.StringLiteral, ts.SyntaxKind.CallExpression, ts.SyntaxKind.BinaryExpression],
    [ts.SyntaxKind.ObjectLiteralExpression, ts.SyntaxKind.PropertyAssignment, ts.SyntaxKind.NewExpression],
    [ts.SyntaxKind.WhileStatement, ts.SyntaxKind.DoStatement],
  ];

  it('visits exactly the nodes of a listener’s kinds, in document order', () => {
    assert.ok(files.length > 100, `only ${files.length} files`);
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const parsed = parseCode(file, text);
      if (!parsed.ok) continue;
      const model = new FileModel(file, text, parsed.sourceFile, { sdkModules: ['chipchat'] }, KINDS);
      const nodes = new DispatchNodes(model);
      const every = allNodes(parsed.sourceFile);
      for (const kinds of kindSets) {
        const expected = every.filter((n) => kinds.includes(n.kind));
        assert.deepEqual(visited(nodes, kinds), expected, `${file}: ${kinds.map((k) => ts.SyntaxKind[k]).join(', ')}`);
        compared += expected.length;
      }
    }
    assert.ok(compared > 1000, `only ${compared} visits compared`);
  });

  it('visits exactly the nodes inside the given statements', () => {
    for (const file of files.slice(0, 60)) {
      const text = readFileSync(file, 'utf8');
      const parsed = parseCode(file, text);
      if (!parsed.ok) continue;
      const model = new FileModel(file, text, parsed.sourceFile, { sdkModules: ['chipchat'] }, KINDS);
      const nodes = new DispatchNodes(model);
      // every other top-level statement, as if an edit had changed those, and the first half of the others
      // (a span that cuts through nodes: those that start inside but end beyond it are not inside)
      const spans = parsed.sourceFile.statements.map((st, i): [number, number] => [st.pos, i % 2 === 1 ? st.end : st.pos + Math.floor((st.end - st.pos) / 2)]);
      const every = allNodes(parsed.sourceFile);
      for (const kinds of kindSets) {
        const expected = every.filter((n) => kinds.includes(n.kind) && spans.some(([pos, end]) => n.pos >= pos && n.end <= end));
        assert.deepEqual(visited(nodes, kinds, spans), expected, `${file}: ${kinds.map((k) => ts.SyntaxKind[k]).join(', ')}`);
      }
    }
  });

  it('stops at the deadline', () => {
    const text = Array.from({ length: 500 }, (_, i) => `f(${i});`).join('\n');
    const parsed = parseCode('many.js', text);
    assert.ok(parsed.ok);
    const model = new FileModel('many.js', text, parsed.sourceFile, { sdkModules: [] }, KINDS);
    const kinds = [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NumericLiteral];
    const { listener, seen } = recorder(kinds);
    let now = 0;
    const clock = () => now;
    listener[ts.SyntaxKind.CallExpression] = (n: ts.Node) => {
      seen.push(n);
      now++;
    };
    assert.throws(() => dispatch(new DispatchNodes(model).forKinds(kinds), listener, kinds, undefined, 100, 5, clock), OverBudget);
    assert.ok(seen.length > 100 && seen.length < 500, `${seen.length} visits before stopping`);
  });
});

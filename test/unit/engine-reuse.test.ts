// What the engine does not redo between runs: a file's analysis while its text and context are the same
// (also when taken over from another Engine), and an app rule's run while everything it read is the same.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ts } from '../../rules/src/ts';
import { Engine } from '../../rules/src/engine';
import { createAppRule, createCodeRule } from '../../rules/src/rule';

const NOW = new Date('2026-11-29T12:00:00');
const meta = (id: string) => ({ id, target: 'code' as const, description: id, clauses: ['F.1'], severity: 'warning' as const, fixable: false, messages: { m: id } });

/** A code rule that counts the files it is created for (the engine's one probe of its node kinds aside). */
function countingCodeRule() {
  const analysed: string[] = [];
  const rule = createCodeRule({
    meta: meta('counting-code'),
    create: (context) => {
      if (context.file !== 'probe.js') analysed.push(context.file);
      return { [ts.SyntaxKind.CallExpression]: () => undefined };
    },
  });
  return { rule, analysed };
}

/** An app rule that reads package.json and counts its runs. */
function countingAppRule() {
  const stats = { runs: 0 };
  const rule = createAppRule({
    meta: { ...meta('counting-app'), target: 'package' },
    check: (context) => {
      stats.runs++;
      context.readFile(context.app.root + '/package.json');
    },
  });
  return { rule, stats };
}

const run = (engine: Engine, files: Record<string, string>) => engine.run({ root: '/app', files: new Map(Object.entries(files)), now: NOW });
const FILES = { '/app/web1on1-app.json': '{"name":"x"}', '/app/package.json': '{"name":"x"}', '/app/notes.txt': 'a', '/app/a.js': 'f();\n', '/app/b.js': 'g();\n' };

describe('engine reuse between runs', () => {
  it('analyses again only the file whose text changed', () => {
    const { rule, analysed } = countingCodeRule();
    const engine = new Engine([rule]);
    run(engine, FILES);
    assert.deepEqual(analysed.sort(), ['/app/a.js', '/app/b.js']);
    analysed.length = 0;
    run(engine, FILES);
    assert.deepEqual(analysed, []);
    run(engine, { ...FILES, '/app/b.js': 'g(1);\n' });
    assert.deepEqual(analysed, ['/app/b.js']);
  });

  it('takes over analyses exported by another engine instead of redoing them', () => {
    const worker = countingCodeRule();
    const indexer = new Engine([worker.rule]);
    run(indexer, FILES);
    const editor = countingCodeRule();
    const engine = new Engine([editor.rule]);
    engine.importResults(indexer.exportResults(['/app/a.js', '/app/b.js']));
    run(engine, { ...FILES, '/app/b.js': 'g(1);\n' });
    assert.deepEqual(editor.analysed, ['/app/b.js'], 'a.js taken over, b.js changed since');
  });

  it('runs an app rule again only when something it read or was given changed', () => {
    const { rule, stats } = countingAppRule();
    const engine = new Engine([rule]);
    run(engine, FILES);
    run(engine, FILES);
    run(engine, { ...FILES, '/app/notes.txt': 'b' });
    assert.equal(stats.runs, 1, 'same reads, same index, same paths: reused');
    run(engine, { ...FILES, '/app/package.json': '{"name":"y"}' });
    assert.equal(stats.runs, 2, 'package.json was read');
    run(engine, { ...FILES, '/app/package.json': '{"name":"y"}', '/app/c.js': 'h();\n' });
    assert.equal(stats.runs, 3, 'a new file in the index');
  });
});
